import fs from "node:fs";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { seedReference } from "../../prisma/seed/seed.server";
import { firmColumns, productColumns } from "~/modules/import/columns";
import { runImport, type ImportOptions } from "~/modules/import/import.server";
import { exportToFile } from "~/modules/import/export.server";
import { createFirm, randomUscc } from "../support/factories";
import { firmRow, productRow, tmpFile, writeCsv, writeLyingZip, writeXlsx, writeZipBomb } from "../support/spreadsheets";

const cli = { id: null, label: "cli" };
const bureauImport = (kind: ImportOptions["kind"], file: string, dryRun = false) =>
  runImport({ kind, file, actor: cli, scope: { kind: "bureau" }, dryRun });

const firmA = {
  external_id: "T-F-001",
  name_zh: "中山市古镇星辉照明有限公司",
  name_en: "Zhongshan Guzhen Xinghui Lighting Co., Ltd.",
  town: "古镇",
  cluster: "灯饰",
  description_zh: "专业生产LED吸顶灯。",
  export_markets: "BR;PT;AO",
  certifications: "CE;RoHS;ISO 9001",
  languages: "zh;en;pt",
  website: "www.xinghui-guzhen.example.cn",
  email: "Sales@Xinghui.example.cn",
  phone: "+86 760 2233 4455",
  founded_year: 2006,
  employees: "100-299",
};
const firmB = {
  external_id: "T-F-002",
  name_zh: "中山市小榄恒嘉五金制品有限公司",
  name_en: "Zhongshan Xiaolan Hengjia Hardware Co., Ltd.",
  town: "Xiaolan",
  cluster: "Hardware and locks",
  export_markets: "BR",
  languages: "zh;en",
  employees: 120,
};

async function importedFirms() {
  return prisma.firm.findMany({ where: { externalId: { startsWith: "T-F-" } }, orderBy: { externalId: "asc" } });
}

beforeAll(async () => {
  await seedReference();
});

describe("importing firms", () => {
  it("creates verified, published firms with audit and search outbox rows in the same import", async () => {
    const file = writeCsv([[...firmColumns], firmRow(firmA), firmRow(firmB)]);
    const report = await bureauImport("firms", file);
    expect(report).toMatchObject({ accepted: true, written: true, rows: 2, created: 2, updated: 0, unchanged: 0, format: "csv", encoding: "utf8" });

    const firms = await importedFirms();
    expect(firms).toHaveLength(2);
    const [a, b] = firms;
    expect(a).toMatchObject({
      verification: "VERIFIED",
      published: true,
      exportMarkets: ["BR", "PT", "AO"],
      languages: ["zh", "en", "pt"],
      website: "https://www.xinghui-guzhen.example.cn/",
      email: "sales@xinghui.example.cn",
      foundedYear: 2006,
      employeesBand: "100-299",
      certifications: [{ code: "CE" }, { code: "RoHS" }, { code: "ISO9001" }],
    });
    expect(a.name).toEqual({
      "zh-CN": { text: firmA.name_zh, origin: "author" },
      en: { text: firmA.name_en, origin: "author" },
    });
    const guzhen = await prisma.town.findUniqueOrThrow({ where: { slug: "guzhen" } });
    expect(a.townId).toBe(guzhen.id);
    // A head count is put in its band; a town named in English is found.
    expect(b.employeesBand).toBe("100-299");
    expect(b.townId).toBe((await prisma.town.findUniqueOrThrow({ where: { slug: "xiaolan" } })).id);

    const audits = await prisma.auditEvent.findMany({ where: { entityId: { in: [a.id, b.id] } } });
    expect(audits.map((event) => [event.action, event.actorLabel])).toEqual([
      ["import-create", "cli"],
      ["import-create", "cli"],
    ]);
    const outbox = await prisma.searchOutbox.findMany({ where: { entityId: { in: [a.id, b.id] } } });
    expect(outbox.map((row) => row.entityType)).toEqual(["firm", "firm"]);
  });

  it("imports the same file again without duplicates or changes, and updates only what changed", async () => {
    const before = await prisma.auditEvent.count();
    const same = writeCsv([[...firmColumns], firmRow(firmA), firmRow(firmB)]);
    expect(await bureauImport("firms", same)).toMatchObject({ accepted: true, created: 0, updated: 0, unchanged: 2 });
    expect(await importedFirms()).toHaveLength(2);
    expect(await prisma.auditEvent.count()).toBe(before);

    const changed = writeCsv([[...firmColumns], firmRow({ ...firmA, name_pt: "Xinghui Iluminação", phone: "" }), firmRow(firmB)]);
    expect(await bureauImport("firms", changed)).toMatchObject({ accepted: true, created: 0, updated: 1, unchanged: 1 });
    const [a] = await importedFirms();
    expect(a.phone).toBeNull();
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: a.id, action: "import-update" } });
    expect(audit.changes).toMatchObject({ phone: { from: firmA.phone, to: null }, name: { to: { pt: { text: "Xinghui Iluminação", origin: "author" } } } });
    expect(Object.keys(audit.changes as object).sort()).toEqual(["name", "phone", "source"]);
  });

  it("sends the products of a changed firm to search again", async () => {
    const [a] = await importedFirms();
    const product = await prisma.product.create({ data: { firmId: a.id, slug: "lamp", hsCode: "940511", name: { en: { text: "Lamp", origin: "author" } }, description: {} } });
    const renamed = writeCsv([[...firmColumns], firmRow({ ...firmA, name_pt: "Xinghui Iluminação", phone: "", name_en: "Xinghui Lighting" }), firmRow(firmB)]);
    expect(await bureauImport("firms", renamed)).toMatchObject({ updated: 1, unchanged: 1 });
    expect(await prisma.searchOutbox.count({ where: { entityType: "product", entityId: product.id } })).toBe(1);
    await prisma.product.delete({ where: { id: product.id } });
  });

  it("checks without saving on a dry run, and counts exactly", async () => {
    const file = writeCsv([[...firmColumns], firmRow({ ...firmA, external_id: "T-F-003", name_en: "Dry Run Lighting" }), firmRow(firmB)]);
    const report = await bureauImport("firms", file, true);
    expect(report).toMatchObject({ accepted: true, written: false, dryRun: true, created: 1, unchanged: 1 });
    expect(await importedFirms()).toHaveLength(2);
  });

  it("names every bad row and column, and imports nothing from a file with one bad row", async () => {
    const count = await prisma.firm.count();
    const file = writeCsv([
      [...firmColumns],
      firmRow({ ...firmA, external_id: "T-F-010" }),
      firmRow({ ...firmA, external_id: "T-F-011", town: "Atlantis", export_markets: "BR;XX", languages: "pt;portuguese" }),
      firmRow({ ...firmA, external_id: "T-F-010", founded_year: 3000, website: "not a site", certifications: "CE;NOPE" }),
      firmRow({ external_id: "T-F-012" }),
    ]);
    const report = await bureauImport("firms", file);
    expect(report.accepted).toBe(false);
    expect(report.written).toBe(false);
    const issues = report.issues.map((issue) => [issue.row, issue.column, issue.code]);
    expect(issues).toEqual(
      expect.arrayContaining([
        [3, "town", "townUnknown"],
        [3, "export_markets", "countryUnknown"],
        [3, "languages", "languageUnknown"],
        [4, "external_id", "duplicateExternalId"],
        [4, "founded_year", "outOfRange"],
        [4, "website", "url"],
        [4, "certifications", "certificationUnknown"],
        [5, "name_zh", "nameRequired"],
      ]),
    );
    expect(report.issues.find((issue) => issue.code === "countryUnknown")?.params).toEqual({ values: "XX" });
    expect(await prisma.firm.count()).toBe(count);
  });

  it("refuses missing, unknown and repeated columns", async () => {
    const header = firmColumns.filter((column) => column !== "town" && column !== "email");
    const file = writeCsv([[...header, "fax", "name_en"], header.map(() => "x")]);
    const report = await bureauImport("firms", file);
    expect(report.issues).toEqual([
      { row: 1, column: null, code: "missingColumns", params: { columns: "town, email" } },
      { row: 1, column: null, code: "unknownColumns", params: { columns: "fax" } },
      { row: 1, column: null, code: "duplicateColumns", params: { columns: "name_en" } },
    ]);
  });

  it("accepts the columns in any order, an optional uscc column, and checks the credit codes", async () => {
    const columns = ["uscc", ...[...firmColumns].reverse()];
    const taken = await createFirm();
    const good = randomUscc();
    const file = writeCsv([
      columns,
      firmRow({ ...firmB, external_id: "T-F-020", uscc: good }, columns),
      firmRow({ ...firmB, external_id: "T-F-021", uscc: good }, columns),
      firmRow({ ...firmB, external_id: "T-F-022", uscc: "91442000MA4WXXXXX1" }, columns),
      firmRow({ ...firmB, external_id: "T-F-023", uscc: taken.uscc! }, columns),
    ]);
    const report = await bureauImport("firms", file);
    expect(report.issues.map((issue) => [issue.row, issue.column, issue.code])).toEqual([
      [3, "uscc", "usccDuplicate"],
      [4, "uscc", "uscc.checksum"],
      [5, "uscc", "usccTaken"],
    ]);
    const fixed = writeCsv([columns, firmRow({ ...firmB, external_id: "T-F-020", uscc: good }, columns)]);
    expect(await bureauImport("firms", fixed)).toMatchObject({ accepted: true, created: 1 });
    expect((await prisma.firm.findUniqueOrThrow({ where: { externalId: "T-F-020" } })).uscc).toBe(good);
  });
});

describe("encodings, delimiters and spreadsheet files", () => {
  const rows = () => [[...firmColumns], firmRow({ ...firmA, external_id: "T-E-001", name_zh: "中山市古镇灯饰有限公司（编码测试）" })];

  async function nameOf(externalId: string) {
    const firm = await prisma.firm.findUniqueOrThrow({ where: { externalId } });
    return (firm.name as Record<string, { text: string }>)["zh-CN"].text;
  }

  it("reads GBK, UTF-8 with a BOM and semicolon-separated CSV alike", async () => {
    const gbk = await bureauImport("firms", writeCsv(rows(), { encoding: "gbk" }));
    expect(gbk).toMatchObject({ accepted: true, encoding: "gb18030", created: 1 });
    expect(await nameOf("T-E-001")).toBe("中山市古镇灯饰有限公司（编码测试）");

    const bom = await bureauImport("firms", writeCsv(rows(), { bom: true }));
    expect(bom).toMatchObject({ accepted: true, encoding: "utf8", unchanged: 1 });

    const semicolons = rows();
    semicolons[1] = firmRow({ ...firmA, external_id: "T-E-001", name_zh: "中山市古镇灯饰有限公司（编码测试）", export_markets: "BR;PT;AO" });
    const report = await bureauImport("firms", writeCsv(semicolons, { delimiter: ";", encoding: "gbk", bom: false }));
    expect(report).toMatchObject({ accepted: true, unchanged: 1 });
  });

  it("reads XLSX, using the saved result of a formula and refusing one without", async () => {
    const header = [...firmColumns];
    const withResult = firmRow({ ...firmB, external_id: "T-X-001" }) as ExcelJS.CellValue[];
    withResult[firmColumns.indexOf("founded_year")] = { formula: "2000+6", result: 2006 } as ExcelJS.CellFormulaValue;
    const withoutResult = firmRow({ ...firmB, external_id: "T-X-002" }) as ExcelJS.CellValue[];
    withoutResult[firmColumns.indexOf("name_en")] = { formula: 'CONCAT("a","b")' } as ExcelJS.CellFormulaValue;
    const refused = await bureauImport("firms", await writeXlsx([header, withResult, withoutResult]));
    expect(refused.issues).toEqual([{ row: 3, column: "name_en", code: "formulaNoResult" }]);

    const accepted = await bureauImport("firms", await writeXlsx([header, withResult]));
    expect(accepted).toMatchObject({ accepted: true, format: "xlsx", created: 1 });
    expect((await prisma.firm.findUniqueOrThrow({ where: { externalId: "T-X-001" } })).foundedYear).toBe(2006);
  });

  it("refuses an XLSX that unzips to a gigabyte before reading it", async () => {
    const file = writeZipBomb(1);
    expect(fs.statSync(file).size).toBeLessThan(10 * 1024 * 1024);
    const started = Date.now();
    const report = await bureauImport("firms", file);
    expect(report.issues).toEqual([{ row: null, column: null, code: "zipTooLarge", params: { megabytes: 1025, limit: 400 } }]);
    // Refused from the zip's directory, without inflating the gigabyte.
    expect(Date.now() - started).toBeLessThan(5_000);
  }, 60_000);

  it("refuses a zip whose directory understates what it unpacks to", async () => {
    const report = await bureauImport("firms", writeLyingZip());
    expect(report.accepted).toBe(false);
    expect(report.issues[0].code).toMatch(/^zip(TooLarge|Unreadable)$/);
  });

  it("refuses old .xls files, binary files and empty files with a reason", async () => {
    const xls = tmpFile("old.xls");
    fs.writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    expect((await bureauImport("firms", xls)).issues[0].code).toBe("xlsLegacy");
    const png = tmpFile("image.csv");
    fs.writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    expect((await bureauImport("firms", png)).issues[0].code).toBe("notText");
    const empty = tmpFile("empty.csv");
    fs.writeFileSync(empty, "");
    expect((await bureauImport("firms", empty)).issues[0].code).toBe("fileEmpty");
    const headerOnly = writeCsv([[...firmColumns]]);
    expect((await bureauImport("firms", headerOnly)).issues[0].code).toBe("noRows");
  });

  it("reports a broken CSV quote and cells beyond the header as row problems", async () => {
    const broken = tmpFile("broken.csv");
    fs.writeFileSync(broken, `${firmColumns.join(",")}\nT-B-1,"unclosed name,,,,,,,,,,,,,,,\n`);
    const report = await bureauImport("firms", broken);
    expect(report.issues[0].code).toMatch(/^csv(Syntax|RecordTooLong)$/);

    const extra = writeCsv([[...firmColumns], [...firmRow({ ...firmB, external_id: "T-B-2" }), "surplus"]]);
    expect((await bureauImport("firms", extra)).issues).toEqual([{ row: 2, column: null, code: "extraCells", params: { count: 1, columns: firmColumns.length } }]);
  });
});

describe("importing products", () => {
  let firmId: string;
  beforeAll(async () => {
    await bureauImport("firms", writeCsv([[...firmColumns], firmRow({ ...firmA, external_id: "T-PF-1" }), firmRow({ ...firmB, external_id: "T-PF-2" })]));
    firmId = (await prisma.firm.findUniqueOrThrow({ where: { externalId: "T-PF-1" } })).id;
  });

  const lamp = {
    external_id: "T-P-001",
    firm_external_id: "T-PF-1",
    hs_code: "9405.11",
    name_zh: "LED吸顶灯 24W",
    name_en: "LED ceiling light 24 W",
    moq: "1,000",
    moq_unit: "件",
    price_min_usd: "$4.5",
    price_max_usd: "6.80",
    certifications: "CE;RoHS",
    lead_time_days: 30,
  };

  it("creates products with HS codes written with or without dots, and outbox rows", async () => {
    const file = writeCsv([
      [...productColumns],
      productRow(lamp),
      productRow({ ...lamp, external_id: "T-P-002", hs_code: "940542", name_zh: "LED灯带" }),
      productRow({ ...lamp, external_id: "T-P-003", hs_code: "8301.40.00", firm_external_id: "T-PF-2", name_zh: "智能门锁" }),
    ]);
    const report = await bureauImport("products", file);
    expect(report).toMatchObject({ accepted: true, created: 3 });
    const products = await prisma.product.findMany({ where: { externalId: { startsWith: "T-P-" } }, orderBy: { externalId: "asc" } });
    expect(products.map((product) => product.hsCode)).toEqual(["940511", "940542", "830140"]);
    expect(products[0]).toMatchObject({ firmId, moq: 1000, moqUnit: "pieces", leadTimeDays: 30, certifications: ["CE", "RoHS"] });
    expect(products[0].priceMinUsd?.toFixed(2)).toBe("4.50");
    const outbox = await prisma.searchOutbox.count({ where: { entityType: "product", entityId: { in: products.map((p) => p.id) } } });
    expect(outbox).toBe(3);
  });

  it("refuses bad HS codes, unknown firms and units, price ranges the wrong way round", async () => {
    const file = await writeXlsx([
      [...productColumns],
      productRow({ ...lamp, external_id: "T-P-010", hs_code: "9999.99" }),
      productRow({ ...lamp, external_id: "T-P-011", hs_code: "94" }),
      productRow({ ...lamp, external_id: "T-P-012", hs_code: "lamp" }),
      productRow({ ...lamp, external_id: "T-P-013", firm_external_id: "NOBODY" }),
      productRow({ ...lamp, external_id: "T-P-014", moq_unit: "barrels", price_min_usd: "9", price_max_usd: "3" }),
    ]);
    const report = await bureauImport("products", file);
    expect(report.issues.map((issue) => [issue.row, issue.column, issue.code])).toEqual([
      // 9999.99 is UN Comtrade's "not specified": the correlation tables send it to no HS 2022 code.
      [2, "hs_code", "mapping.hsNowhere"],
      [3, "hs_code", "hsTooGeneral"],
      [4, "hs_code", "hsFormat"],
      [6, "moq_unit", "unitUnknown"],
      [6, "price_max_usd", "priceRange"],
      [5, "firm_external_id", "firmUnknown"],
    ]);
    expect(await prisma.product.count({ where: { externalId: { in: ["T-P-010", "T-P-014"] } } })).toBe(0);
  });

  it("lets a firm import only its own products", async () => {
    const ownFirm = { kind: "firm" as const, firmId };
    const mine = writeCsv([[...productColumns], productRow({ ...lamp, external_id: "T-P-100", firm_external_id: "" }), productRow({ ...lamp, external_id: "T-P-101" })]);
    const accepted = await runImport({ kind: "products", file: mine, actor: { id: null }, scope: ownFirm, dryRun: false });
    expect(accepted).toMatchObject({ accepted: true, created: 2 });

    const theirs = writeCsv([
      [...productColumns],
      productRow({ ...lamp, external_id: "T-P-102", firm_external_id: "T-PF-2" }),
      // T-P-003 is a product of the other firm: taking it over is refused.
      productRow({ ...lamp, external_id: "T-P-003", firm_external_id: "" }),
    ]);
    const refused = await runImport({ kind: "products", file: theirs, actor: { id: null }, scope: ownFirm, dryRun: false });
    expect(refused.issues.map((issue) => [issue.row, issue.column, issue.code])).toEqual([
      [2, "firm_external_id", "firmNotYours"],
      [3, "external_id", "externalIdTaken"],
    ]);
    const other = await prisma.product.findUniqueOrThrow({ where: { externalId: "T-P-003" }, select: { firmId: true } });
    expect(other.firmId).not.toBe(firmId);
  });

  it("lists a problem in row 50,001 of a 50,000-row file", async () => {
    const rows: (string | number)[][] = [[...productColumns]];
    for (let i = 0; i < 50_000; i++) rows.push(productRow({ ...lamp, external_id: `T-BIG-${i}` }));
    rows.push(productRow({ ...lamp, external_id: "T-BIG-0" }));
    const file = writeCsv(rows);
    const report = await bureauImport("products", file, true);
    expect(report.rows).toBe(50_001);
    expect(report.issues).toEqual([{ row: 50_002, column: "external_id", code: "duplicateExternalId", params: { value: "T-BIG-0", first: 2 } }]);
  }, 60_000);
});

describe("exporting", () => {
  it("writes the import columns, escapes formula-like cells, and imports back unchanged", async () => {
    await createFirm();
    const evil = await prisma.firm.create({
      data: {
        slug: `evil-${Date.now()}`,
        externalId: "T-EVIL",
        name: { en: { text: "=HYPERLINK(\"http://evil.example\",\"click\")", origin: "author" } },
        description: { en: { text: "@SUM(1+1)", origin: "author" } },
        phone: "+86 760 1234 5678",
      },
    });
    for (const format of ["csv", "xlsx"] as const) {
      const file = tmpFile(`export.${format}`);
      const { rows } = await exportToFile(file, { kind: "firms", scope: { kind: "bureau" }, format, locale: "en" });
      expect(rows).toBe(await prisma.firm.count());
      if (format === "csv") {
        const text = fs.readFileSync(file, "utf8");
        expect(text.charCodeAt(0)).toBe(0xfeff);
        expect(text.split("\n")[0].replace(/^\uFEFF/, "").trim()).toBe([...firmColumns, "uscc"].join(","));
        expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
        expect(text).toContain("'@SUM(1+1)");
        expect(text).toContain("'+86 760 1234 5678");
      } else {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(file);
        const sheet = workbook.worksheets[0];
        const evilRow = sheet.getRows(2, sheet.rowCount - 1)!.find((row) => row.getCell(1).value === "T-EVIL")!;
        expect(evilRow.getCell(3).value).toBe("'=HYPERLINK(\"http://evil.example\",\"click\")");
        expect(evilRow.getCell(3).formula).toBeUndefined();
      }
      const report = await bureauImport("firms", file);
      expect(report).toMatchObject({ accepted: true, created: 0, updated: 0 });
    }
    const after = await prisma.firm.findUniqueOrThrow({ where: { id: evil.id } });
    expect(after.name).toEqual(evil.name);
    expect(after.phone).toBe("+86 760 1234 5678");
  }, 60_000);
});
