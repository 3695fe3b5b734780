-- Issue 11: training sessions edited or cancelled by the bureau (calendar SEQUENCE), a waitlist, and targeting rules (who may register).
-- AlterEnum
ALTER TYPE "TrainingRegistrationStatus" ADD VALUE 'WAITLISTED';

-- AlterTable
ALTER TABLE "TrainingSession" ADD COLUMN "cancelledAt" TIMESTAMP(3),
ADD COLUMN "sequence" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "rules" JSONB;
