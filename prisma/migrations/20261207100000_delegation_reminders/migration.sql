-- One deadline reminder per firm and call (issue 9, the firm's side).

-- CreateTable
CREATE TABLE "DelegationReminder" (
    "callId" TEXT NOT NULL,
    "firmId" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DelegationReminder_pkey" PRIMARY KEY ("callId","firmId")
);
