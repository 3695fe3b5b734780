import exifReader from "exif-reader";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { objectStorage } from "~/modules/media/storage.server";
import { prisma } from "~/utils/db.server";
import { catalogWorld, lastAudit, pendingOutbox, productForm } from "../support/catalog";
import { filePart, photoWithGps, pngImage, svgWithScript } from "../support/images";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let world: Awaited<ReturnType<typeof catalogWorld>>;

beforeAll(async () => {
  server = await startTestServer();
  world = await catalogWorld(server.url);
});
afterAll(async () => {
  await server?.close();
});

async function createProduct(client = world.clients.memberA, firmId = world.firmA.id, overrides: Record<string, string | string[]> = {}) {
  const response = await client.post(`/zh-CN/catalog/firms/${firmId}/products/new`, productForm(overrides));
  expect(response.status, await response.clone().text().then((text) => text.slice(0, 200))).toBe(302);
  const id = /\/catalog\/products\/([^?]+)/.exec(response.headers.get("location") ?? "")![1];
  return id;
}

function imageForm(...files: [Blob, string][]) {
  const form = new FormData();
  for (const [blob, name] of files) form.append("images", blob, name);
  return form;
}

describe("products", () => {
  it("are created by a firm member with the HS code typed with dots, audited and queued for search", async () => {
    const id = await createProduct();
    const product = await prisma.product.findUniqueOrThrow({ where: { id } });
    expect(product).toMatchObject({
      firmId: world.firmA.id,
      hsCode: "940511",
      name: { "zh-CN": { text: "24W铝合金LED吸顶灯", origin: "author" } },
      attributes: { type: "ceiling-light", material: "aluminium", powerW: 24 },
      moq: 500,
      moqUnit: "pieces",
      leadTimeDays: 30,
      certifications: ["CE", "RoHS"],
      published: true,
    });
    expect(product.priceMinUsd?.toFixed(2)).toBe("12.50");
    expect(product.priceMaxUsd?.toFixed(2)).toBe("18.00");
    expect(await lastAudit(id)).toMatchObject({ actorId: world.memberA.id, entityType: "product", action: "create" });
    expect(await pendingOutbox("product", id)).toBe(1);
  });

  it("take the product type's HS code when none is typed, and a national 8-digit line cut to 6 digits", async () => {
    const fromType = await createProduct(undefined, undefined, { hsCode: "", type: "rice-cooker", "attributes.powerW": "", "attributes.material": "" });
    expect((await prisma.product.findUniqueOrThrow({ where: { id: fromType } })).hsCode).toBe("851660");
    const national = await createProduct(undefined, undefined, { hsCode: "9405.11.00" });
    expect((await prisma.product.findUniqueOrThrow({ where: { id: national } })).hsCode).toBe("940511");
  });

  it("refuse an unknown HS code, crossed prices and bad numbers in the user's language, keeping what was typed", async () => {
    const response = await world.clients.memberA.post(
      `/zh-CN/catalog/firms/${world.firmA.id}/products/new`,
      productForm({ hsCode: "9999.99", leadTimeDays: "400", "attributes.colourTempK": "abc", nameEn: "Ceiling light <script>" }),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("请输入 1 到 365 天。");
    expect(html).toContain("请输入数字。");
    expect(html).toContain('value="9999.99"');
    expect(html).toContain("Ceiling light &lt;script&gt;");

    const crossed = await world.clients.memberA.post(`/zh-CN/catalog/firms/${world.firmA.id}/products/new`, productForm({ priceMinUsd: "20", priceMaxUsd: "10" }));
    expect(crossed.status).toBe(400);
    expect(await crossed.text()).toContain("价格上限低于价格下限。");

    const unknown = await world.clients.memberA.post(`/zh-CN/catalog/firms/${world.firmA.id}/products/new`, productForm({ hsCode: "9999.99" }));
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("HS 2022 中没有这个编码");
    const words = await world.clients.memberA.post(`/pt-PT/catalog/firms/${world.firmA.id}/products/new`, productForm({ hsCode: "luminária" }));
    expect(words.status).toBe(400);
    expect(await words.text()).toContain("Um código SH tem pelo menos 4 algarismos");
    const nothing = await world.clients.memberA.post(`/en/catalog/firms/${world.firmA.id}/products/new`, productForm({ hsCode: "", type: "", nameZh: "" }));
    expect(nothing.status).toBe(400);
    const text = await nothing.text();
    expect(text).toContain("Please choose an HS code or a product type.");
    expect(text).toContain("Please give a name in at least one language, or choose a product type.");
  });

  it("are edited, published and unpublished with each change audited; re-saving unchanged records nothing", async () => {
    const id = await createProduct();
    const edit = await world.clients.memberA.post(`/en/catalog/products/${id}`, productForm({ nameEn: "24 W LED ceiling light", priceMaxUsd: "19.90" }));
    expect(edit.status).toBe(200);
    const audit = await lastAudit(id);
    expect(audit).toMatchObject({ action: "update" });
    expect(Object.keys(audit!.changes as object).sort()).toEqual(["name", "priceMaxUsd"]);
    const audits = await prisma.auditEvent.count({ where: { entityId: id } });
    await world.clients.memberA.post(`/en/catalog/products/${id}`, productForm({ nameEn: "24 W LED ceiling light", priceMaxUsd: "19.90" }));
    expect(await prisma.auditEvent.count({ where: { entityId: id } })).toBe(audits);

    await world.clients.memberA.post(`/en/catalog/products/${id}`, { intent: "unpublish" });
    expect((await prisma.product.findUniqueOrThrow({ where: { id } })).published).toBe(false);
    expect(await lastAudit(id)).toMatchObject({ action: "unpublish", changes: { published: { from: true, to: false } } });
    await world.clients.memberA.post(`/en/catalog/firms/${world.firmA.id}/products`, { productId: id, intent: "publish" });
    expect((await prisma.product.findUniqueOrThrow({ where: { id } })).published).toBe(true);
  });

  it("are deleted with their images, the audit keeping what they were", async () => {
    const id = await createProduct();
    await world.clients.memberA.post(`/en/catalog/products/${id}`, imageForm([filePart(await pngImage(), "image/png"), "a.png"]));
    const [image] = (await prisma.product.findUniqueOrThrow({ where: { id } })).images as { key: string }[];
    expect(await objectStorage().get(image.key)).not.toBeNull();
    const response = await world.clients.memberA.post(`/en/catalog/products/${id}`, { intent: "delete" });
    expect(response.status).toBe(302);
    expect(await prisma.product.findUnique({ where: { id } })).toBeNull();
    expect(await lastAudit(id)).toMatchObject({ action: "delete", changes: { hsCode: "940511", firmId: world.firmA.id } });
    expect(await pendingOutbox("product", id)).toBeGreaterThan(0);
    expect(await objectStorage().get(image.key)).toBeNull();
  });

  it("refuse another firm's member, buyers and anonymous visitors; unknown products are 404", async () => {
    const id = await createProduct();
    for (const client of [world.clients.memberB, world.clients.buyer]) {
      expect((await client.get(`/en/catalog/products/${id}`)).status).toBe(403);
      expect((await client.post(`/en/catalog/products/${id}`, productForm({ nameEn: "Hijacked" }))).status).toBe(403);
      expect((await client.post(`/en/catalog/products/${id}`, { intent: "delete" })).status).toBe(403);
      expect((await client.post(`/en/catalog/firms/${world.firmA.id}/products/new`, productForm())).status).toBe(403);
      expect((await client.get(`/en/catalog/firms/${world.firmA.id}/products`)).status).toBe(403);
    }
    // Firm B's member cannot publish firm A's product through firm B's own list either.
    expect((await world.clients.memberB.post(`/en/catalog/firms/${world.firmB.id}/products`, { productId: id, intent: "unpublish" })).status).toBe(404);
    const anonymous = await world.clients.anonymous.post(`/en/catalog/products/${id}`, { intent: "delete" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/en\/login/);
    expect((await world.clients.memberA.get("/en/catalog/products/no-such-product")).status).toBe(404);
    const product = await prisma.product.findUniqueOrThrow({ where: { id } });
    expect(product.published).toBe(true);
    expect(JSON.stringify(product.name)).not.toContain("Hijacked");
  });

  it("are edited by bureau staff for any firm, audited under their name", async () => {
    const id = await createProduct(world.clients.bureau, world.firmB.id);
    expect(await lastAudit(id)).toMatchObject({ actorId: world.bureau.id, action: "create-by-bureau" });
    await world.clients.bureau.post(`/en/catalog/products/${id}`, productForm({ moq: "1000" }));
    expect(await lastAudit(id)).toMatchObject({ actorId: world.bureau.id, action: "update-by-bureau" });
  });
});

describe("product images", () => {
  let productId: string;
  beforeAll(async () => {
    productId = await createProduct();
  });

  it("strip the GPS position and camera data of a photo, re-encoded and thumbnailed", async () => {
    const photo = await photoWithGps(2400, 1800);
    expect(exifReader((await sharp(photo).metadata()).exif!).GPSInfo?.GPSLatitude).toEqual([22, 31, 12.34]);
    const response = await world.clients.memberA.post(`/en/catalog/products/${productId}`, imageForm([filePart(photo, "image/jpeg"), "IMG_0001.JPG"]));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("1 image added.");
    const [image] = (await prisma.product.findUniqueOrThrow({ where: { id: productId } })).images as { key: string; thumbKey: string; width: number }[];
    expect(image.width).toBe(1600);
    for (const key of [image.key, image.thumbKey]) {
      const served = await world.clients.anonymous.get(`/media/${key}`);
      expect(served.status).toBe(200);
      expect(served.headers.get("content-type")).toBe("image/webp");
      expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      const bytes = Buffer.from(await served.arrayBuffer());
      const metadata = await sharp(bytes).metadata();
      expect(metadata.exif).toBeUndefined();
      expect(bytes.includes(Buffer.from("PonteCam"))).toBe(false);
    }
    expect(await lastAudit(productId)).toMatchObject({ action: "add-images" });
  });

  it("refuse files that are not what they claim, SVG with script, GIF and oversized files, in the user's language", async () => {
    const cases: [string, Blob, string, string][] = [
      ["text pretending to be a JPEG", filePart("just some text, not a photo", "image/jpeg"), "photo.jpg", "Só são aceites imagens JPEG, PNG e WebP"],
      ["SVG with script", filePart(svgWithScript, "image/svg+xml"), "logo.svg", "Só são aceites imagens JPEG, PNG e WebP"],
      ["GIF named .png", filePart(await sharp({ create: { width: 4, height: 4, channels: 3, background: "red" } }).gif().toBuffer(), "image/png"), "a.png", "Só são aceites imagens JPEG, PNG e WebP"],
      ["6 MB", filePart(Buffer.concat([await photoWithGps(50, 50), Buffer.alloc(6 * 1024 * 1024)]), "image/jpeg"), "big.jpg", "A imagem tem mais de 5 MB."],
      ["truncated JPEG", filePart((await photoWithGps(400, 400)).subarray(0, 300), "image/jpeg"), "cut.jpg", "Não foi possível ler a imagem"],
    ];
    for (const [label, blob, name, message] of cases) {
      const response = await world.clients.memberA.post(`/pt-PT/catalog/products/${productId}`, imageForm([blob, name]));
      expect(response.status, label).toBe(400);
      expect(await response.text(), label).toContain(message);
    }
    const none = await world.clients.memberA.post(`/pt-PT/catalog/products/${productId}`, new FormData());
    expect(none.status).toBe(400);
    expect(((await prisma.product.findUniqueOrThrow({ where: { id: productId } })).images as unknown[]).length).toBe(1);
  });

  it("of drafts reach only the firm and the bureau, uncached", async () => {
    const draft = await createProduct(undefined, undefined, { published: "" });
    await world.clients.memberA.post(`/en/catalog/products/${draft}`, imageForm([filePart(await pngImage(), "image/png"), "p.png"]));
    const [image] = (await prisma.product.findUniqueOrThrow({ where: { id: draft } })).images as { key: string }[];
    expect((await world.clients.anonymous.get(`/media/${image.key}`)).status).toBe(404);
    expect((await world.clients.memberB.get(`/media/${image.key}`)).status).toBe(404);
    const own = await world.clients.memberA.get(`/media/${image.key}`);
    expect(own.status).toBe(200);
    expect(own.headers.get("cache-control")).toBe("private, no-store");
    expect((await world.clients.bureau.get(`/media/${image.key}`)).status).toBe(200);
    expect(await (await world.clients.anonymous.get("/media/products%2F..%2F..%2Fsecrets%2Fsession-secret")).text()).not.toContain(process.env.SESSION_SECRET);
    expect((await world.clients.anonymous.get("/media/firms/x/logo.svg")).status).toBe(404);
    expect((await world.clients.anonymous.get(`/media/products/${draft}/not-there.webp`)).status).toBe(404);
  });

  it("are removed one by one", async () => {
    const [image] = (await prisma.product.findUniqueOrThrow({ where: { id: productId } })).images as { key: string }[];
    await world.clients.memberA.post(`/en/catalog/products/${productId}`, { intent: "remove-image", key: image.key });
    expect((await prisma.product.findUniqueOrThrow({ where: { id: productId } })).images).toEqual([]);
    expect((await world.clients.anonymous.get(`/media/${image.key}`)).status).toBe(404);
  });
});
