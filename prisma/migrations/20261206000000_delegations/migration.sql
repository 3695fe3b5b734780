-- Fairs as series and editions, delegation calls, applications and their documents (issue 9).
-- The old DelegationApplication table was never written by any code: its rows (none) are dropped.
DELETE FROM "DelegationApplication";


-- CreateEnum
CREATE TYPE "DelegationCallStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED', 'SELECTED', 'ROSTER_PUBLISHED', 'FINISHED');

-- CreateEnum
CREATE TYPE "DelegationApplicationStatus" AS ENUM ('SUBMITTED', 'APPROVED', 'WAITLISTED', 'REJECTED', 'WITHDRAWN');

-- DropForeignKey
ALTER TABLE "DelegationApplication" DROP CONSTRAINT "DelegationApplication_fairId_fkey";

-- DropIndex
DROP INDEX "DelegationApplication_fairId_firmId_key";

-- AlterTable
ALTER TABLE "Fair" ADD COLUMN     "online" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "seriesId" TEXT,
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'Asia/Macau';

-- AlterTable
ALTER TABLE "DelegationApplication" DROP COLUMN "createdAt",
DROP COLUMN "fairId",
ADD COLUMN     "attendees" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "booth" TEXT,
ADD COLUMN     "boothTypeCode" TEXT NOT NULL,
ADD COLUMN     "boothZone" TEXT,
ADD COLUMN     "callId" TEXT NOT NULL,
ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "decidedAt" TIMESTAMP(3),
ADD COLUMN     "decidedById" TEXT,
ADD COLUMN     "decisionReason" TEXT,
ADD COLUMN     "keepWithCluster" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "note" TEXT,
ADD COLUMN     "productIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "subsidyPaidAt" TIMESTAMP(3),
ADD COLUMN     "subsidyPaidCny" DECIMAL(12,2),
ADD COLUMN     "withdrawnAt" TIMESTAMP(3),
DROP COLUMN "status",
ADD COLUMN     "status" "DelegationApplicationStatus" NOT NULL DEFAULT 'SUBMITTED';

-- CreateTable
CREATE TABLE "FairSeries" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" JSONB NOT NULL,
    "shortName" TEXT NOT NULL,
    "organiser" JSONB,
    "website" TEXT,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Macau',
    "markets" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FairSeries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FairPhase" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "categories" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "FairPhase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DelegationCall" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "status" "DelegationCallStatus" NOT NULL DEFAULT 'DRAFT',
    "opensAt" TIMESTAMP(3) NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "quota" INTEGER NOT NULL,
    "townIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "clusterIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "verifiedOnly" BOOLEAN NOT NULL DEFAULT true,
    "minProducts" INTEGER NOT NULL DEFAULT 1,
    "boothTypes" JSONB NOT NULL DEFAULT '[]',
    "booths" JSONB NOT NULL DEFAULT '[]',
    "subsidySharePercent" DECIMAL(5,2) NOT NULL DEFAULT 0,
    "subsidyCapCny" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "documentsAsked" JSONB NOT NULL DEFAULT '[]',
    "weights" JSONB NOT NULL DEFAULT '{}',
    "scoringContext" JSONB NOT NULL DEFAULT '{}',
    "reminderDays" INTEGER NOT NULL DEFAULT 7,
    "remindedAt" TIMESTAMP(3),
    "rosterPublishedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DelegationCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DelegationDocument" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "askedIndex" INTEGER,
    "storageKey" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DelegationDocument_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FairSeries_slug_key" ON "FairSeries"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "FairPhase_editionId_number_key" ON "FairPhase"("editionId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "DelegationCall_editionId_key" ON "DelegationCall"("editionId");

-- CreateIndex
CREATE INDEX "DelegationCall_status_deadline_idx" ON "DelegationCall"("status", "deadline");

-- CreateIndex
CREATE UNIQUE INDEX "DelegationDocument_storageKey_key" ON "DelegationDocument"("storageKey");

-- CreateIndex
CREATE INDEX "Fair_startsOn_idx" ON "Fair"("startsOn");

-- CreateIndex
CREATE INDEX "DelegationApplication_firmId_idx" ON "DelegationApplication"("firmId");

-- CreateIndex
CREATE INDEX "DelegationApplication_callId_status_idx" ON "DelegationApplication"("callId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "DelegationApplication_callId_firmId_key" ON "DelegationApplication"("callId", "firmId");

-- CreateIndex
CREATE UNIQUE INDEX "DelegationApplication_callId_booth_key" ON "DelegationApplication"("callId", "booth");

-- Editions of the Canton Fair are held in Guangzhou, not Macao.
UPDATE "Fair" SET "timeZone" = 'Asia/Shanghai' WHERE "slug" LIKE 'canton-fair-%';

-- AddForeignKey
ALTER TABLE "Fair" ADD CONSTRAINT "Fair_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "FairSeries"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FairPhase" ADD CONSTRAINT "FairPhase_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Fair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DelegationCall" ADD CONSTRAINT "DelegationCall_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Fair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DelegationApplication" ADD CONSTRAINT "DelegationApplication_callId_fkey" FOREIGN KEY ("callId") REFERENCES "DelegationCall"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DelegationDocument" ADD CONSTRAINT "DelegationDocument_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "DelegationApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

