-- Issue 11: training materials (PDFs the bureau attaches to a session) and the session's recording link.
-- AlterTable
ALTER TABLE "TrainingSession" ADD COLUMN "recordingUrl" TEXT,
ADD COLUMN "recordingSetAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "TrainingMaterial" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrainingMaterial_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TrainingMaterial_storageKey_key" ON "TrainingMaterial"("storageKey");

-- CreateIndex
CREATE INDEX "TrainingMaterial_sessionId_idx" ON "TrainingMaterial"("sessionId");

-- AddForeignKey
ALTER TABLE "TrainingMaterial" ADD CONSTRAINT "TrainingMaterial_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TrainingSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;
