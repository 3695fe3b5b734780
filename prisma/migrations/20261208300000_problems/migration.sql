-- Problems (issue 11): a firm's questions and complaints to the bureau, their threads and attachments.
-- CreateEnum
CREATE TYPE "ProblemStatus" AS ENUM ('OPEN', 'ANSWERED', 'CLOSED');

-- CreateEnum
CREATE TYPE "ProblemSide" AS ENUM ('FIRM', 'BUREAU');

-- CreateTable
CREATE TABLE "Problem" (
    "id" TEXT NOT NULL,
    "firmId" TEXT NOT NULL,
    "raisedById" TEXT,
    "category" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "status" "ProblemStatus" NOT NULL DEFAULT 'OPEN',
    "assigneeId" TEXT,
    "department" TEXT,
    "firstAnswerDueAt" TIMESTAMP(3) NOT NULL,
    "firstAnsweredAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "rating" INTEGER,
    "ratingComment" TEXT,
    "ratedAt" TIMESTAMP(3),
    "lastMessageAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Problem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProblemMessage" (
    "id" TEXT NOT NULL,
    "problemId" TEXT NOT NULL,
    "authorId" TEXT,
    "side" "ProblemSide" NOT NULL,
    "internal" BOOLEAN NOT NULL DEFAULT false,
    "body" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProblemMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProblemAttachment" (
    "id" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProblemAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Problem_firmId_lastMessageAt_idx" ON "Problem"("firmId", "lastMessageAt");

-- CreateIndex
CREATE INDEX "Problem_status_createdAt_idx" ON "Problem"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Problem_assigneeId_status_idx" ON "Problem"("assigneeId", "status");

-- CreateIndex
CREATE INDEX "ProblemMessage_problemId_createdAt_idx" ON "ProblemMessage"("problemId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProblemAttachment_storageKey_key" ON "ProblemAttachment"("storageKey");

-- CreateIndex
CREATE INDEX "ProblemAttachment_messageId_idx" ON "ProblemAttachment"("messageId");

-- AddForeignKey
ALTER TABLE "Problem" ADD CONSTRAINT "Problem_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "Firm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Problem" ADD CONSTRAINT "Problem_raisedById_fkey" FOREIGN KEY ("raisedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Problem" ADD CONSTRAINT "Problem_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemMessage" ADD CONSTRAINT "ProblemMessage_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemMessage" ADD CONSTRAINT "ProblemMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemAttachment" ADD CONSTRAINT "ProblemAttachment_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "ProblemMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;
