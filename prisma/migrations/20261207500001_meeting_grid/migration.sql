-- Meetings at fairs (issue 10): the bureau's grid and the placed meetings.

-- CreateEnum
CREATE TYPE "MeetingScheduleStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateTable
CREATE TABLE "MeetingGrid" (
    "editionId" TEXT NOT NULL,
    "days" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "dayFrom" TEXT NOT NULL DEFAULT '10:00',
    "dayTo" TEXT NOT NULL DEFAULT '18:00',
    "breaks" JSONB NOT NULL DEFAULT '[]',
    "slotMinutes" INTEGER NOT NULL DEFAULT 20,
    "tables" INTEGER NOT NULL DEFAULT 10,
    "interpreters" JSONB NOT NULL DEFAULT '[]',
    "maxMeetingsPerFirm" INTEGER NOT NULL DEFAULT 12,
    "maxMeetingsPerBuyer" INTEGER NOT NULL DEFAULT 8,
    "status" "MeetingScheduleStatus" NOT NULL DEFAULT 'DRAFT',
    "unscheduled" JSONB NOT NULL DEFAULT '[]',
    "lastRunAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MeetingGrid_pkey" PRIMARY KEY ("editionId")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "slotId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "table" TEXT,
    "interpreterId" TEXT,
    "remote" BOOLEAN NOT NULL DEFAULT false,
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_requestId_key" ON "Meeting"("requestId");

-- CreateIndex
CREATE INDEX "Meeting_editionId_startsAt_idx" ON "Meeting"("editionId", "startsAt");

-- AddForeignKey
ALTER TABLE "MeetingGrid" ADD CONSTRAINT "MeetingGrid_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Fair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Fair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "MeetingRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
