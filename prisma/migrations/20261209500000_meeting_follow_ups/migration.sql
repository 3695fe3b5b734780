-- Meetings at fairs (issue 10, item 7): the firm's follow-ups at 30, 90 and 180 days.

-- CreateTable
CREATE TABLE "MeetingFollowUp" (
    "requestId" TEXT NOT NULL,
    "stage" INTEGER NOT NULL,
    "remindedAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "answeredById" TEXT,
    "orderPlaced" BOOLEAN NOT NULL DEFAULT false,
    "confirmedOrderUsd" INTEGER,
    "notes" TEXT,

    CONSTRAINT "MeetingFollowUp_pkey" PRIMARY KEY ("requestId","stage")
);

-- AddForeignKey
ALTER TABLE "MeetingFollowUp" ADD CONSTRAINT "MeetingFollowUp_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "MeetingRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
