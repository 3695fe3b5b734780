-- The language of the bureau's decision reason on a delegation application (issue 9, bureau side).
ALTER TABLE "DelegationApplication" ADD COLUMN "decisionReasonLocale" TEXT;
