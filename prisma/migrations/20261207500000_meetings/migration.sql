-- Meetings at fairs (issue 10): registrations and meeting requests.

-- CreateEnum
CREATE TYPE "MeetingMode" AS ENUM ('IN_PERSON', 'REMOTE');

-- CreateEnum
CREATE TYPE "MeetingSide" AS ENUM ('BUYER', 'FIRM');

-- CreateEnum
CREATE TYPE "MeetingRequestStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED', 'EXPIRED');

-- CreateTable
CREATE TABLE "MeetingRegistration" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "buyerCompanyId" TEXT NOT NULL,
    "days" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "mode" "MeetingMode" NOT NULL DEFAULT 'IN_PERSON',
    "timeZone" TEXT NOT NULL,
    "videoLink" TEXT,
    "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "needsInterpreter" BOOLEAN NOT NULL DEFAULT false,
    "cancelledAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MeetingRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingRequest" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "buyerCompanyId" TEXT NOT NULL,
    "firmId" TEXT NOT NULL,
    "status" "MeetingRequestStatus" NOT NULL DEFAULT 'PENDING',
    "buyerAskedAt" TIMESTAMP(3),
    "buyerMessage" TEXT,
    "buyerAskedById" TEXT,
    "firmAskedAt" TIMESTAMP(3),
    "firmMessage" TEXT,
    "firmAskedById" TEXT,
    "matchScore" INTEGER NOT NULL DEFAULT 0,
    "declinedBy" "MeetingSide",
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MeetingRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MeetingRegistration_editionId_buyerCompanyId_key" ON "MeetingRegistration"("editionId", "buyerCompanyId");

-- CreateIndex
CREATE INDEX "MeetingRegistration_buyerCompanyId_idx" ON "MeetingRegistration"("buyerCompanyId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingRequest_editionId_buyerCompanyId_firmId_key" ON "MeetingRequest"("editionId", "buyerCompanyId", "firmId");

-- CreateIndex
CREATE INDEX "MeetingRequest_editionId_firmId_status_idx" ON "MeetingRequest"("editionId", "firmId", "status");

-- CreateIndex
CREATE INDEX "MeetingRequest_editionId_buyerCompanyId_status_idx" ON "MeetingRequest"("editionId", "buyerCompanyId", "status");

-- CreateIndex
CREATE INDEX "MeetingRequest_status_expiresAt_idx" ON "MeetingRequest"("status", "expiresAt");

-- AddForeignKey
ALTER TABLE "MeetingRegistration" ADD CONSTRAINT "MeetingRegistration_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Fair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingRegistration" ADD CONSTRAINT "MeetingRegistration_buyerCompanyId_fkey" FOREIGN KEY ("buyerCompanyId") REFERENCES "BuyerCompany"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingRequest" ADD CONSTRAINT "MeetingRequest_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Fair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingRequest" ADD CONSTRAINT "MeetingRequest_buyerCompanyId_fkey" FOREIGN KEY ("buyerCompanyId") REFERENCES "BuyerCompany"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingRequest" ADD CONSTRAINT "MeetingRequest_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "Firm"("id") ON DELETE CASCADE ON UPDATE CASCADE;
