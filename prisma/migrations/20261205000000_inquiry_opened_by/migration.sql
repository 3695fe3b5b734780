-- AlterTable
ALTER TABLE "Inquiry" ADD COLUMN     "openedBy" "InquirySide" NOT NULL DEFAULT 'BUYER';

-- CreateIndex
CREATE INDEX "Inquiry_sourcingRequestId_idx" ON "Inquiry"("sourcingRequestId");

