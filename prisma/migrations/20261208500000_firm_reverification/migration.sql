-- AlterTable
ALTER TABLE "Firm" ADD COLUMN "closedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "FirmPendingChange" (
    "id" TEXT NOT NULL,
    "firmId" TEXT NOT NULL,
    "name" JSONB,
    "uscc" TEXT,
    "townId" TEXT,
    "fields" TEXT[],
    "requestedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FirmPendingChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FirmPendingChange_firmId_key" ON "FirmPendingChange"("firmId");

-- AddForeignKey
ALTER TABLE "FirmPendingChange" ADD CONSTRAINT "FirmPendingChange_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "Firm"("id") ON DELETE CASCADE ON UPDATE CASCADE;
