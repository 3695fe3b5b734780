-- Names and codes as people write them (issue 14): aliases of towns, clusters and
-- certifications; national codes and older-edition HS codes kept on products.

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "nationalCode" TEXT,
ADD COLUMN     "hsCodeAsWritten" TEXT,
ADD COLUMN     "hsChoices" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "ReferenceAlias" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "alias" TEXT NOT NULL,
    "townId" TEXT,
    "clusterId" TEXT,
    "certificationCode" TEXT,
    "origin" TEXT NOT NULL DEFAULT 'seed',
    "removedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReferenceAlias_pkey" PRIMARY KEY ("id"),
    -- An alias names exactly one thing, of its own kind.
    CONSTRAINT "ReferenceAlias_one_target" CHECK (
      ("kind" = 'town' AND "townId" IS NOT NULL AND "clusterId" IS NULL AND "certificationCode" IS NULL) OR
      ("kind" = 'cluster' AND "clusterId" IS NOT NULL AND "townId" IS NULL AND "certificationCode" IS NULL) OR
      ("kind" = 'certification' AND "certificationCode" IS NOT NULL AND "townId" IS NULL AND "clusterId" IS NULL)
    )
);

-- CreateIndex
CREATE UNIQUE INDEX "ReferenceAlias_kind_key_key" ON "ReferenceAlias"("kind", "key");

-- AddForeignKey
ALTER TABLE "ReferenceAlias" ADD CONSTRAINT "ReferenceAlias_townId_fkey" FOREIGN KEY ("townId") REFERENCES "Town"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferenceAlias" ADD CONSTRAINT "ReferenceAlias_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferenceAlias" ADD CONSTRAINT "ReferenceAlias_certificationCode_fkey" FOREIGN KEY ("certificationCode") REFERENCES "Certification"("code") ON DELETE CASCADE ON UPDATE CASCADE;
