-- Meetings at fairs (issue 10): calendar feeds at secret URLs, cancelled meetings kept for the feeds, reminders sent once.

-- CreateTable
CREATE TABLE "MeetingFeed" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "buyerCompanyId" TEXT,
    "firmId" TEXT,
    "owner" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingFeed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingCancellation" (
    "requestId" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "table" TEXT,
    "remote" BOOLEAN NOT NULL DEFAULT false,
    "sequence" INTEGER NOT NULL,
    "cancelledAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingCancellation_pkey" PRIMARY KEY ("requestId")
);

-- CreateTable
CREATE TABLE "MeetingReminder" (
    "requestId" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingReminder_pkey" PRIMARY KEY ("requestId","side","startsAt")
);

-- CreateIndex
CREATE UNIQUE INDEX "MeetingFeed_tokenHash_key" ON "MeetingFeed"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingFeed_editionId_owner_key" ON "MeetingFeed"("editionId", "owner");

-- CreateIndex
CREATE INDEX "MeetingCancellation_editionId_idx" ON "MeetingCancellation"("editionId");

-- AddForeignKey
ALTER TABLE "MeetingFeed" ADD CONSTRAINT "MeetingFeed_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Fair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingFeed" ADD CONSTRAINT "MeetingFeed_buyerCompanyId_fkey" FOREIGN KEY ("buyerCompanyId") REFERENCES "BuyerCompany"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingFeed" ADD CONSTRAINT "MeetingFeed_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "Firm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingCancellation" ADD CONSTRAINT "MeetingCancellation_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "MeetingRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
