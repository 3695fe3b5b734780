-- A problem's message keeps its text when its author deletes their account, signed "deleted account" (issue 11).
ALTER TABLE "ProblemMessage" ADD COLUMN "authorDeletedAt" TIMESTAMP(3);
