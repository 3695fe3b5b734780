import fs from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { seedReference } from "../../prisma/seed/seed.server";
import { firmColumns, productColumns } from "~/modules/import/columns";
import { MAX_IMPORT_FILE_BYTES } from "~/modules/import/limits";
import { createFirm, createUser } from "../support/factories";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { signIn } from "../support/session";
import { firmRow, productRow, writeCsv } from "../support/spreadsheets";

let server: TestServer;

async function clientFor(user: { email: string; password: string } | null) {
  const client = new TestClient(server.url);
  if (user) await signIn(client, user.email, user.password);
  return client;
}

function upload(file: string, fields: Record<string, string>, name = "firms.csv") {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append("file", new Blob([fs.readFileSync(file)]), name);
  return form;
}

beforeAll(async () => {
  server = await startTestServer();
  await seedReference();
});
afterAll(async () => {
  await server.close();
});

const goodFirm = { external_id: "W-F-1", name_zh: "中山市古镇网页导入灯饰有限公司", name_en: "Web Import Lighting", town: "古镇", cluster: "灯饰", export_markets: "BR;PT", languages: "zh;en" };

describe("the bureau's import page", () => {
  it("refuses a file with one bad row, naming it in the user's language, then imports the fixed file", async () => {
    const staff = await createUser("BUREAU_STAFF");
    const client = await clientFor(staff);
    expect((await client.get("/pt-PT/bureau/import")).status).toBe(200);

    const bad = writeCsv([[...firmColumns], firmRow(goodFirm), firmRow({ ...goodFirm, external_id: "W-F-2", town: "Atlântida" })]);
    const refused = await client.post("/pt-PT/bureau/import", upload(bad, { kind: "firms" }));
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain("Linha 3, coluna town");
    expect(html).toContain("Vila desconhecida: «Atlântida»");
    // The report names the file as the user called it.
    expect(html).toContain("Resultado de firms.csv");
    expect(await prisma.firm.count({ where: { externalId: { startsWith: "W-F-" } } })).toBe(0);

    const fixed = writeCsv([[...firmColumns], firmRow(goodFirm), firmRow({ ...goodFirm, external_id: "W-F-2", town: "Xiaolan" })]);
    const accepted = await client.post("/pt-PT/bureau/import", upload(fixed, { kind: "firms" }));
    expect(accepted.status).toBe(200);
    expect(await accepted.text()).toContain("Importado: 2 linhas.");
    const firms = await prisma.firm.findMany({ where: { externalId: { startsWith: "W-F-" } } });
    expect(firms.map((firm) => [firm.verification, firm.published])).toEqual([
      ["VERIFIED", true],
      ["VERIFIED", true],
    ]);
    const audits = await prisma.auditEvent.findMany({ where: { entityId: { in: firms.map((firm) => firm.id) } } });
    expect(audits.every((event) => event.actorId === staff.id && event.action === "import-create")).toBe(true);
    expect(audits).toHaveLength(2);
  });

  it("explains a missing file and a file over the limit instead of failing", async () => {
    const client = await clientFor(await createUser("BUREAU_STAFF"));
    const missing = await client.post("/en/bureau/import", { kind: "firms" });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Please choose a CSV or XLSX file.");

    const form = new FormData();
    form.append("kind", "firms");
    form.append("file", new Blob([Buffer.alloc(MAX_IMPORT_FILE_BYTES + 1024, 0x41)]), "huge.csv");
    const huge = await client.post("/zh-CN/bureau/import", form);
    expect(huge.status).toBe(413);
    expect(await huge.text()).toContain("文件超过允许的 50 MB");
    const leftovers = fs.existsSync(`${process.env.DATA_DIR}/tmp/imports`) ? fs.readdirSync(`${process.env.DATA_DIR}/tmp/imports`) : [];
    expect(leftovers).toEqual([]);
  });

  it("is refused to buyers, firms and anyone signed out", async () => {
    const file = writeCsv([[...firmColumns], firmRow({ ...goodFirm, external_id: "W-X-1" })]);
    for (const role of ["BUYER", "FIRM_MEMBER"] as const) {
      const client = await clientFor(await createUser(role));
      expect((await client.get("/en/bureau/import")).status).toBe(403);
      expect((await client.post("/en/bureau/import", upload(file, { kind: "firms" }))).status).toBe(403);
      expect((await client.get("/en/bureau/export?kind=firms&format=csv")).status).toBe(403);
    }
    const anonymous = await clientFor(null);
    expect((await anonymous.post("/en/bureau/import", upload(file, { kind: "firms" }))).status).toBe(302);
    expect(await prisma.firm.count({ where: { externalId: "W-X-1" } })).toBe(0);
  });

  it("exports firms and products as XLSX and CSV in the import columns", async () => {
    const client = await clientFor(await createUser("BUREAU_STAFF"));
    const xlsx = await client.get("/en/bureau/export?kind=firms&format=xlsx");
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-disposition")).toMatch(/attachment; filename="ponte-firms-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect((workbook.worksheets[0].getRow(1).values as string[]).slice(1)).toEqual([...firmColumns, "uscc"]);
    const csv = await (await client.get("/en/bureau/export?kind=products&format=csv")).text();
    expect(csv.replace(/^\uFEFF/, "").split(/\r?\n/)[0]).toBe(productColumns.join(","));
    expect((await client.get("/en/bureau/export?kind=people&format=csv")).status).toBe(400);
  });
});

describe("a firm's own import and export", () => {
  it("imports and exports the firm's own products only", async () => {
    const firm = await createFirm();
    const otherFirm = await createFirm();
    await prisma.product.create({
      data: { firmId: otherFirm.id, externalId: "W-OTHER-1", slug: "other", hsCode: "830140", name: { en: { text: "Other firm's lock", origin: "author" } }, description: {} },
    });
    const member = await createUser("FIRM_MEMBER", { firmId: firm.id });
    const client = await clientFor(member);
    expect((await client.get("/zh-CN/account/import")).status).toBe(200);

    const lamp = { external_id: "W-P-1", hs_code: "9405.11", name_zh: "LED吸顶灯", moq: 100, moq_unit: "件", price_min_usd: 5, price_max_usd: 8 };
    const own = writeCsv([[...productColumns], productRow(lamp)]);
    const accepted = await client.post("/zh-CN/account/import", upload(own, {}, "products.csv"));
    expect(accepted.status).toBe(200);
    const product = await prisma.product.findUniqueOrThrow({ where: { externalId: "W-P-1" } });
    expect(product.firmId).toBe(firm.id);
    expect((await prisma.auditEvent.findFirstOrThrow({ where: { entityId: product.id } })).actorId).toBe(member.id);

    const takeover = writeCsv([[...productColumns], productRow({ ...lamp, external_id: "W-OTHER-1" })]);
    const refused = await client.post("/zh-CN/account/import", upload(takeover, { kind: "firms" }, "products.csv"));
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("编号 W-OTHER-1 属于其他企业的产品");
    expect((await prisma.product.findUniqueOrThrow({ where: { externalId: "W-OTHER-1" } })).firmId).toBe(otherFirm.id);

    const csv = await (await client.get("/zh-CN/account/export?kind=products&format=csv")).text();
    expect(csv).toContain("W-P-1");
    expect(csv).not.toContain("W-OTHER-1");
    expect((await client.get("/zh-CN/account/export?kind=firms&format=csv")).status).toBe(400);

    for (const role of ["BUYER", "BUREAU_STAFF"] as const) {
      const other = await clientFor(await createUser(role));
      expect((await other.post("/en/account/import", upload(own, {}, "products.csv"))).status).toBe(403);
      expect((await other.get("/en/account/export?kind=products&format=csv")).status).toBe(403);
    }
  });
});
