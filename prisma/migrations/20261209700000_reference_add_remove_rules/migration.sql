-- Reference data the bureau adds and removes, towns' designations, and
-- certification rules as data (issue 14).

-- AlterTable
ALTER TABLE "Town" ADD COLUMN     "designation" TEXT,
ADD COLUMN     "designatedBy" TEXT,
ADD COLUMN     "specialty" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "Certification" ADD COLUMN     "markets" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "validityMonths" INTEGER,
ADD COLUMN     "expiryRequired" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reminderDays" INTEGER[] DEFAULT ARRAY[60, 15]::INTEGER[];

-- CreateTable
CREATE TABLE "ReferenceRetirement" (
    "kind" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "retiredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredById" TEXT,

    CONSTRAINT "ReferenceRetirement_pkey" PRIMARY KEY ("kind","code")
);

-- Towns and certifications installed before these columns existed get what
-- prisma/seed/reference.ts gives new installations (the installer only adds rows).
UPDATE "Town" SET "designation" = 'provincialSpecialtyTown'
  WHERE "slug" IN ('guzhen', 'xiaolan', 'nantou', 'dongsheng', 'shaxi', 'dachong') AND "designation" IS NULL;

UPDATE "Town" t SET "specialty" = s.specialty::jsonb
FROM (VALUES
  ('guzhen', '{"zh-CN":{"text":"灯饰","origin":"author"},"en":{"text":"Lighting","origin":"author"},"pt":{"text":"Iluminação","origin":"author"}}'),
  ('xiaolan', '{"zh-CN":{"text":"五金锁具","origin":"author"},"en":{"text":"Hardware and locks","origin":"author"},"pt":{"text":"Ferragens e fechaduras","origin":"author"}}'),
  ('nantou', '{"zh-CN":{"text":"家电","origin":"author"},"en":{"text":"Home appliances","origin":"author"},"pt":{"text":"Eletrodomésticos","origin":"author"}}'),
  ('dongsheng', '{"zh-CN":{"text":"办公家具","origin":"author"},"en":{"text":"Office furniture","origin":"author"},"pt":{"text":"Móveis de escritório","origin":"author"}}'),
  ('shaxi', '{"zh-CN":{"text":"休闲服装","origin":"author"},"en":{"text":"Casual wear","origin":"author"},"pt":{"text":"Roupa casual","origin":"author"}}'),
  ('dachong', '{"zh-CN":{"text":"红木家具","origin":"author"},"en":{"text":"Rosewood furniture","origin":"author"},"pt":{"text":"Móveis de jacarandá","origin":"author"}}')
) AS s(slug, specialty)
WHERE t."slug" = s.slug;

UPDATE "Certification" c SET "markets" = m.markets, "validityMonths" = m.months
FROM (VALUES
  ('CE', ARRAY['EU'], NULL::INTEGER),
  ('UL', ARRAY['US', 'CA'], NULL),
  ('ETL', ARRAY['US', 'CA'], NULL),
  ('RoHS', ARRAY['EU'], NULL),
  ('CCC', ARRAY['CN'], NULL),
  ('SAA', ARRAY['AU'], NULL),
  ('GS', ARRAY['DE'], NULL),
  ('FCC', ARRAY['US'], NULL),
  ('INMETRO', ARRAY['BR'], NULL),
  ('SASO', ARRAY['SA'], NULL),
  ('ISO9001', ARRAY[]::TEXT[], 36),
  ('ISO14001', ARRAY[]::TEXT[], 36),
  ('BIFMA', ARRAY['US'], NULL)
) AS m(code, markets, months)
WHERE c."code" = m.code;
