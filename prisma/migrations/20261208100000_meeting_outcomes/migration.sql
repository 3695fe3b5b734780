-- Meetings at fairs (issue 10): what came of each meeting, as each side records it.

-- CreateEnum
CREATE TYPE "MeetingAttendance" AS ENUM ('HELD', 'NO_SHOW_FIRM', 'NO_SHOW_BUYER');

-- CreateEnum
CREATE TYPE "MeetingInterest" AS ENUM ('NONE', 'LOW', 'MEDIUM', 'HIGH');

-- CreateTable
CREATE TABLE "MeetingOutcome" (
    "requestId" TEXT NOT NULL,
    "side" "MeetingSide" NOT NULL,
    "attendance" "MeetingAttendance" NOT NULL,
    "interest" "MeetingInterest",
    "samplesRequested" BOOLEAN NOT NULL DEFAULT false,
    "quotationSent" BOOLEAN NOT NULL DEFAULT false,
    "intendedOrderUsd" INTEGER,
    "orderPlaced" BOOLEAN NOT NULL DEFAULT false,
    "confirmedOrderUsd" INTEGER,
    "rating" INTEGER,
    "notes" TEXT,
    "recordedById" TEXT,
    "correctedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MeetingOutcome_pkey" PRIMARY KEY ("requestId","side")
);

-- AddForeignKey
ALTER TABLE "MeetingOutcome" ADD CONSTRAINT "MeetingOutcome_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "MeetingRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
