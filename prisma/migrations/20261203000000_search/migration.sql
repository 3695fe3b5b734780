-- CreateTable
CREATE TABLE "SearchSynonymGroup" (
    "id" TEXT NOT NULL,
    "terms" TEXT[],
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchSynonymGroup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SearchOutbox_entityType_id_idx" ON "SearchOutbox"("entityType", "id");

