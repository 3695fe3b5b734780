import crypto from "node:crypto";
import { prisma } from "~/utils/db.server";
import { createFirm, createUser } from "./factories";

/** Builders for inquiry tests: a firm in a town and cluster, with products and a member. */
const unique = () => crypto.randomBytes(4).toString("hex");

export async function createTownWithCluster(names: { zh: string; en: string; pt: string } = { zh: "古镇", en: "Guzhen", pt: "Guzhen" }) {
  const id = unique();
  const town = await prisma.town.create({
    data: { slug: `town-${id}`, name: { "zh-CN": { text: names.zh, origin: "author" }, en: { text: names.en, origin: "author" }, pt: { text: names.pt, origin: "author" } } },
  });
  const cluster = await prisma.cluster.create({
    data: {
      slug: `cluster-${id}`,
      townId: town.id,
      name: { "zh-CN": { text: `${names.zh}灯饰`, origin: "author" }, en: { text: `${names.en} lighting`, origin: "author" }, pt: { text: `Iluminação de ${names.pt}`, origin: "author" } },
    },
  });
  return { town, cluster };
}

export async function createProduct(firmId: string, name = "LED吸顶灯") {
  const id = unique();
  return prisma.product.create({
    data: {
      slug: `product-${id}`,
      firmId,
      hsCode: "940511",
      name: { "zh-CN": { text: `${name} ${id}`, origin: "author" }, pt: { text: `Luminária de teto LED ${id}`, origin: "author" } },
      description: {},
      moqUnit: "pieces",
    },
  });
}

/** A verified, published firm with one member (Chinese interface) and two products. */
export async function createSupplier(options: { verification?: "PENDING" | "VERIFIED" | "REJECTED"; locale?: string; townId?: string; clusterId?: string } = {}) {
  const firm = await createFirm({ verification: options.verification ?? "VERIFIED", published: (options.verification ?? "VERIFIED") === "VERIFIED" });
  if (options.townId || options.clusterId) {
    await prisma.firm.update({ where: { id: firm.id }, data: { townId: options.townId ?? null, clusterId: options.clusterId ?? null } });
  }
  const member = await createUser("FIRM_MEMBER", { firmId: firm.id, locale: options.locale ?? "zh-CN" });
  const products = [await createProduct(firm.id), await createProduct(firm.id)];
  return { firm, member, products };
}

export async function createBuyer(options: { locale?: string; country?: string } = {}) {
  const company = await prisma.buyerCompany.create({ data: { name: `Importadora ${unique()} Ltda.`, country: options.country ?? "BR" } });
  const user = await createUser("BUYER", { buyerCompanyId: company.id, locale: options.locale ?? "pt" });
  return { company, user };
}

/** The smallest valid PDF and PNG files, and a text file pretending to be a PNG. */
export const samplePdf = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
export const samplePng = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
export const fakePng = Buffer.from("<html><script>alert('not an image')</script></html>");
