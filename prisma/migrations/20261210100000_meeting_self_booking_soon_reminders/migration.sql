-- Meetings at fairs (issue 10, items 4 and 5): self-booking of a firm's free
-- slots, and the reminder shortly before each meeting.

-- AlterTable
ALTER TABLE "MeetingGrid" ADD COLUMN "selfBooking" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN "selfBooked" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "MeetingRequest" ADD COLUMN "selfBookedAt" TIMESTAMP(3);

-- AlterTable: one reminder per meeting, side, start and kind
ALTER TABLE "MeetingReminder" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'evening';
ALTER TABLE "MeetingReminder" DROP CONSTRAINT "MeetingReminder_pkey";
ALTER TABLE "MeetingReminder" ADD CONSTRAINT "MeetingReminder_pkey" PRIMARY KEY ("requestId", "side", "startsAt", "kind");
