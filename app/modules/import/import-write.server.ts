import path from "node:path";
import type { Prisma } from "~/utils/db.server";
import { diffFields } from "~/modules/audit/audit.server";
import { enqueueSearchSync } from "~/modules/search/outbox.server";
import { requestLocalizedTranslationsMany } from "~/modules/translation/localized.server";
import { randomSuffix, slugify } from "~/utils/slug";
import { checkHeader, firmRecordFields, productRecordFields, type FirmRecordField, type ProductRecordField } from "./columns";
import { canonical, importedText, mergeFirmCertifications, mergeImportedText } from "./merge";
import type { FirmImportRecord, ImportReferences, ProductImportRecord } from "./rows";
import { readRows, type SpreadsheetInfo } from "./spreadsheet.server";
import { isBlank, rowRecord, validate } from "./import-check.server";
import type { Counts, ImportOptions, ScopeFirm } from "./import-options";

/**
 * The second pass of an import: the checked records, in batches, written in
 * the caller's transaction with their audit, search outbox and translation
 * job rows (descriptions, as the forms ask: languages nobody wrote, new or
 * changed text only; one createMany per batch).
 */
const BATCH = 500;

type ValidRecord = FirmImportRecord | ProductImportRecord;

/** Second pass: the (already checked) records, in batches. */
export async function* validRecords(options: ImportOptions, info: SpreadsheetInfo, references: ImportReferences): AsyncGenerator<ValidRecord[]> {
  let columns: (string | null)[] | null = null;
  let batch: ValidRecord[] = [];
  for await (const row of readRows(options.file, info)) {
    if (isBlank(row)) continue;
    if (!columns) {
      columns = checkHeader(options.kind, row.cells).columns;
      continue;
    }
    const result = validate(options.kind, rowRecord(columns, row), references, columns, options.scope.kind === "firm");
    // The first pass found no problem; a different answer now means the file changed.
    if (!result.ok) throw new Error(`Import file changed between passes at row ${row.number}`);
    batch.push(result.record);
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** The stored fields of a firm that the import compares and the export writes. */
export const firmRecordSelect = {
  id: true,
  externalId: true,
  uscc: true,
  name: true,
  description: true,
  townId: true,
  clusterId: true,
  exportMarkets: true,
  certifications: true,
  languages: true,
  website: true,
  email: true,
  phone: true,
  foundedYear: true,
  employeesBand: true,
} satisfies Prisma.FirmSelect & Record<FirmRecordField | "id", true>;

/** The stored fields of a product that the import compares and the export writes. */
export const productRecordSelect = {
  id: true,
  externalId: true,
  firmId: true,
  hsCode: true,
  nationalCode: true,
  hsCodeAsWritten: true,
  hsChoices: true,
  name: true,
  description: true,
  moq: true,
  moqUnit: true,
  priceMinUsd: true,
  priceMaxUsd: true,
  certifications: true,
  leadTimeDays: true,
} satisfies Prisma.ProductSelect & Record<ProductRecordField | "id", true>;

type Comparable = Record<string, unknown>;

type DescriptionText = Parameters<typeof requestLocalizedTranslationsMany>[1][number];

/** Stored and new values in one shape (canonical JSON, prices as "12.50"). */
function comparable(values: Comparable): Comparable {
  const out: Comparable = {};
  for (const [key, value] of Object.entries(values)) {
    if (value && typeof value === "object" && "toFixed" in value) out[key] = (value as { toFixed(digits: number): string }).toFixed(2);
    else out[key] = canonical(value);
  }
  return out;
}

export class ImportWriter {
  private firmIds = new Map<string, string>();
  private readonly now = new Date();
  private readonly source: string;

  constructor(
    private tx: Prisma.TransactionClient,
    private options: ImportOptions,
    private firmScope: ScopeFirm | null,
    private counts: Counts,
  ) {
    this.source = options.fileName ?? path.basename(options.file);
  }

  write(batch: ValidRecord[]) {
    return this.options.kind === "firms" ? this.writeFirms(batch as FirmImportRecord[]) : this.writeProducts(batch as ProductImportRecord[]);
  }

  private get actor() {
    return { actorId: this.options.actor.id, actorLabel: this.options.actor.label ?? null };
  }

  private async writeFirms(batch: FirmImportRecord[]) {
    const ids = batch.map((record) => record.externalId);
    const existing = await this.tx.firm.findMany({
      where: { OR: [{ externalId: { in: ids } }, { id: { in: ids }, externalId: null }] },
      select: firmRecordSelect,
    });
    const byKey = new Map(existing.map((firm) => [firm.externalId ?? firm.id, firm]));
    const creates: Prisma.FirmCreateManyInput[] = [];
    const audits: Prisma.AuditEventCreateManyInput[] = [];
    const changed: string[] = [];
    const texts: DescriptionText[] = [];
    for (const record of batch) {
      const stored = byKey.get(record.externalId);
      const values = {
        // A record exported without an external id came back under its Ponte id: it keeps having none.
        ...(stored && stored.externalId === null ? {} : { externalId: record.externalId }),
        ...(record.uscc !== undefined ? { uscc: record.uscc } : {}),
        townId: record.townId,
        clusterId: record.clusterId,
        exportMarkets: record.exportMarkets,
        languages: record.languages,
        website: record.website,
        email: record.email,
        phone: record.phone,
        foundedYear: record.foundedYear,
        employeesBand: record.employeesBand,
      };
      if (!stored) {
        creates.push({
          ...values,
          slug: `${slugify(record.name.en ?? record.name.pt ?? "") || "firm"}-${randomSuffix()}`,
          name: importedText(record.name) as Prisma.InputJsonValue,
          description: importedText(record.description) as Prisma.InputJsonValue,
          certifications: record.certifications.map((code) => ({ code })),
          // The bureau imports from its own registers: the firms are verified.
          verification: "VERIFIED",
          verifiedAt: this.now,
          published: true,
        });
        continue;
      }
      const after = {
        ...values,
        name: mergeImportedText(stored.name, record.name),
        description: mergeImportedText(stored.description, record.description),
        certifications: mergeFirmCertifications(stored.certifications, record.certifications),
      };
      const changes = diffFields(comparable(stored), comparable(after), firmRecordFields);
      if (Object.keys(changes).length === 0) {
        this.counts.unchanged += 1;
        continue;
      }
      await this.tx.firm.update({
        where: { id: stored.id },
        data: { ...after, name: after.name as Prisma.InputJsonValue, description: after.description as Prisma.InputJsonValue },
        select: { id: true },
      });
      audits.push({ ...this.actor, entityType: "firm", entityId: stored.id, action: "import-update", changes: { ...changes, source: this.source } as Prisma.InputJsonValue });
      texts.push({ source: { kind: "firm.description", id: stored.id, field: "description" }, after: after.description, before: stored.description });
      changed.push(stored.id);
      this.counts.updated += 1;
    }
    if (changed.length) {
      // Product documents in the index carry their firm's name and town: they follow a changed firm.
      const products = await this.tx.product.findMany({ where: { firmId: { in: changed } }, select: { id: true } });
      await enqueueSearchSync(this.tx, "product", products.map((product) => product.id));
    }
    if (creates.length) {
      const created = await this.tx.firm.createManyAndReturn({ data: creates, select: { id: true, externalId: true, description: true } });
      for (const firm of created) {
        texts.push({ source: { kind: "firm.description", id: firm.id, field: "description" }, after: firm.description });
        audits.push({
          ...this.actor,
          entityType: "firm",
          entityId: firm.id,
          action: "import-create",
          changes: { externalId: firm.externalId, verification: "VERIFIED", published: true, source: this.source },
        });
        changed.push(firm.id);
      }
      this.counts.created += created.length;
    }
    await this.finish(audits, "firm", changed, texts);
  }

  private async firmIdsFor(references: string[]) {
    const missing = references.filter((reference) => !this.firmIds.has(reference));
    if (missing.length) {
      const firms = await this.tx.firm.findMany({
        where: { OR: [{ externalId: { in: missing } }, { id: { in: missing }, externalId: null }] },
        select: { id: true, externalId: true },
      });
      for (const firm of firms) this.firmIds.set(firm.externalId ?? firm.id, firm.id);
    }
  }

  private async writeProducts(batch: ProductImportRecord[]) {
    if (!this.firmScope) await this.firmIdsFor([...new Set(batch.map((record) => record.firmExternalId!))]);
    const ids = batch.map((record) => record.externalId);
    const existing = await this.tx.product.findMany({
      where: { OR: [{ externalId: { in: ids } }, { id: { in: ids }, externalId: null }] },
      select: productRecordSelect,
    });
    const byKey = new Map(existing.map((product) => [product.externalId ?? product.id, product]));
    const creates: Prisma.ProductCreateManyInput[] = [];
    const audits: Prisma.AuditEventCreateManyInput[] = [];
    const changed: string[] = [];
    const texts: DescriptionText[] = [];
    for (const record of batch) {
      const firmId = this.firmScope ? this.firmScope.id : this.firmIds.get(record.firmExternalId!);
      if (!firmId) throw new Error(`Firm ${record.firmExternalId} vanished during the import`);
      const stored = byKey.get(record.externalId);
      const values = {
        ...(stored && stored.externalId === null ? {} : { externalId: record.externalId }),
        firmId,
        hsCode: record.hsCode,
        nationalCode: record.nationalCode,
        hsCodeAsWritten: record.hsCodeAsWritten,
        hsChoices: record.hsChoices,
        moq: record.moq,
        moqUnit: record.moqUnit,
        priceMinUsd: record.priceMinUsd,
        priceMaxUsd: record.priceMaxUsd,
        certifications: record.certifications,
        leadTimeDays: record.leadTimeDays,
      };
      if (!stored) {
        creates.push({
          ...values,
          slug: `${slugify(record.name.en ?? record.name.pt ?? "") || "product"}-${randomSuffix()}`,
          name: importedText(record.name) as Prisma.InputJsonValue,
          description: importedText(record.description) as Prisma.InputJsonValue,
        });
        continue;
      }
      if (this.firmScope && stored.firmId !== this.firmScope.id) throw new Error("Product of another firm reached the writer");
      const after = {
        ...values,
        name: mergeImportedText(stored.name, record.name),
        description: mergeImportedText(stored.description, record.description),
      };
      const changes = diffFields(comparable(stored), comparable(after), productRecordFields);
      if (Object.keys(changes).length === 0) {
        this.counts.unchanged += 1;
        continue;
      }
      await this.tx.product.update({
        where: { id: stored.id },
        data: { ...after, name: after.name as Prisma.InputJsonValue, description: after.description as Prisma.InputJsonValue },
        select: { id: true },
      });
      audits.push({ ...this.actor, entityType: "product", entityId: stored.id, action: "import-update", changes: { ...changes, source: this.source } as Prisma.InputJsonValue });
      texts.push({ source: { kind: "product.description", id: stored.id, field: "description" }, after: after.description, before: stored.description });
      changed.push(stored.id);
      this.counts.updated += 1;
    }
    if (creates.length) {
      const created = await this.tx.product.createManyAndReturn({ data: creates, select: { id: true, externalId: true, firmId: true, description: true } });
      for (const product of created) {
        texts.push({ source: { kind: "product.description", id: product.id, field: "description" }, after: product.description });
        audits.push({
          ...this.actor,
          entityType: "product",
          entityId: product.id,
          action: "import-create",
          changes: { externalId: product.externalId, firmId: product.firmId, source: this.source },
        });
        changed.push(product.id);
      }
      this.counts.created += created.length;
    }
    await this.finish(audits, "product", changed, texts);
  }

  private async finish(audits: Prisma.AuditEventCreateManyInput[], entity: "firm" | "product", changed: string[], texts: DescriptionText[]) {
    if (audits.length) await this.tx.auditEvent.createMany({ data: audits });
    await requestLocalizedTranslationsMany(this.tx, texts);
    await enqueueSearchSync(this.tx, entity, changed);
  }
}

export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === "P2002";
}
