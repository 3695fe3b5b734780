-- CreateTable
CREATE TABLE "CertificateReminder" (
    "firmId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "validUntil" TEXT NOT NULL,
    "daysBefore" INTEGER NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CertificateReminder_pkey" PRIMARY KEY ("firmId","code","validUntil","daysBefore")
);

-- CreateTable
CREATE TABLE "DailyJobRun" (
    "job" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "DailyJobRun_pkey" PRIMARY KEY ("job","day")
);

-- AddForeignKey
ALTER TABLE "CertificateReminder" ADD CONSTRAINT "CertificateReminder_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "Firm"("id") ON DELETE CASCADE ON UPDATE CASCADE;
