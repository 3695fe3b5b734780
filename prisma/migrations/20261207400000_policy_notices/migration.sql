-- Policy notices (issue 11): the notices, their PDF attachments, and each targeted firm's receipt.
-- CreateEnum
CREATE TYPE "PolicyNoticeStatus" AS ENUM ('DRAFT', 'SCHEDULED', 'SENT');

-- CreateTable
CREATE TABLE "PolicyNotice" (
    "id" TEXT NOT NULL,
    "title" JSONB NOT NULL,
    "body" JSONB NOT NULL,
    "category" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "validFrom" TIMESTAMP(3),
    "validUntil" TIMESTAMP(3),
    "deadline" TIMESTAMP(3),
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "rules" JSONB NOT NULL DEFAULT '{}',
    "status" "PolicyNoticeStatus" NOT NULL DEFAULT 'DRAFT',
    "scheduledAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "recipientCount" INTEGER NOT NULL DEFAULT 0,
    "remindedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PolicyNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicyNoticeAttachment" (
    "id" TEXT NOT NULL,
    "noticeId" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PolicyNoticeAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicyNoticeReceipt" (
    "id" TEXT NOT NULL,
    "noticeId" TEXT NOT NULL,
    "firmId" TEXT NOT NULL,
    "delivered" BOOLEAN NOT NULL DEFAULT true,
    "readAt" TIMESTAMP(3),
    "interestedAt" TIMESTAMP(3),
    "appliedAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PolicyNoticeReceipt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PolicyNotice_status_scheduledAt_idx" ON "PolicyNotice"("status", "scheduledAt");

-- CreateIndex
CREATE INDEX "PolicyNotice_isPublic_sentAt_idx" ON "PolicyNotice"("isPublic", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "PolicyNoticeAttachment_storageKey_key" ON "PolicyNoticeAttachment"("storageKey");

-- CreateIndex
CREATE INDEX "PolicyNoticeAttachment_noticeId_idx" ON "PolicyNoticeAttachment"("noticeId");

-- CreateIndex
CREATE INDEX "PolicyNoticeReceipt_firmId_idx" ON "PolicyNoticeReceipt"("firmId");

-- CreateIndex
CREATE UNIQUE INDEX "PolicyNoticeReceipt_noticeId_firmId_key" ON "PolicyNoticeReceipt"("noticeId", "firmId");

-- AddForeignKey
ALTER TABLE "PolicyNoticeAttachment" ADD CONSTRAINT "PolicyNoticeAttachment_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "PolicyNotice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyNoticeReceipt" ADD CONSTRAINT "PolicyNoticeReceipt_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "PolicyNotice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyNoticeReceipt" ADD CONSTRAINT "PolicyNoticeReceipt_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "Firm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

