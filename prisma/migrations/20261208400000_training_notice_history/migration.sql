-- Issue 11: the texts a sent notice had before each edit; training sessions and firms' registrations.
-- AlterTable
ALTER TABLE "PolicyNotice" ADD COLUMN "editedAt" TIMESTAMP(3);

-- CreateEnum
CREATE TYPE "TrainingRegistrationStatus" AS ENUM ('REGISTERED', 'CANCELLED');

-- CreateTable
CREATE TABLE "PolicyNoticeVersion" (
    "id" TEXT NOT NULL,
    "noticeId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "title" JSONB NOT NULL,
    "body" JSONB NOT NULL,
    "replacedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedById" TEXT,

    CONSTRAINT "PolicyNoticeVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingSession" (
    "id" TEXT NOT NULL,
    "title" JSONB NOT NULL,
    "description" JSONB NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "place" TEXT,
    "videoLink" TEXT,
    "capacity" INTEGER NOT NULL,
    "remindedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingRegistration" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "firmId" TEXT NOT NULL,
    "status" "TrainingRegistrationStatus" NOT NULL DEFAULT 'REGISTERED',
    "attended" BOOLEAN,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PolicyNoticeVersion_noticeId_version_key" ON "PolicyNoticeVersion"("noticeId", "version");

-- CreateIndex
CREATE INDEX "TrainingSession_startsAt_idx" ON "TrainingSession"("startsAt");

-- CreateIndex
CREATE INDEX "TrainingRegistration_firmId_idx" ON "TrainingRegistration"("firmId");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingRegistration_sessionId_firmId_key" ON "TrainingRegistration"("sessionId", "firmId");

-- AddForeignKey
ALTER TABLE "PolicyNoticeVersion" ADD CONSTRAINT "PolicyNoticeVersion_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "PolicyNotice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRegistration" ADD CONSTRAINT "TrainingRegistration_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TrainingSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRegistration" ADD CONSTRAINT "TrainingRegistration_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "Firm"("id") ON DELETE CASCADE ON UPDATE CASCADE;
