-- Personal-data rights (issue 14): the privacy notice accepted at registration,
-- and firms held by the bureau after their last member deleted their account.

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "privacyConsentAt" TIMESTAMP(3),
ADD COLUMN     "privacyConsentVersion" TEXT;

-- AlterTable
ALTER TABLE "Firm" ADD COLUMN     "heldByBureauSince" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "InquiryMessage" ADD COLUMN     "authorDeletedAt" TIMESTAMP(3);
