import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { deleteAccount } from "~/modules/privacy/deletion.server";
import { processImage, storeImage } from "~/modules/media/images.server";
import { objectStorage } from "~/modules/media/storage.server";
import { loadDocuments } from "~/modules/search/document-source.server";
import { createFirm, createUser, TEST_PASSWORD } from "../support/factories";
import { pngImage } from "../support/images";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { signIn } from "../support/session";

/**
 * Issue 14: a firm whose last member deleted their account is held by the
 * bureau until it decides: give it to another firm account (public again if
 * verified), or close it (products out of the index and the site, images out
 * of storage). Every decision audited.
 */
let server: TestServer;
let bureau: TestClient;
let bureauId: string;

beforeAll(async () => {
  server = await startTestServer();
  const staff = await createUser("BUREAU_STAFF");
  bureauId = staff.id;
  bureau = new TestClient(server.url);
  await signIn(bureau, staff.email, TEST_PASSWORD);
});
afterAll(async () => {
  await server?.close();
});

/** A verified firm with a product carrying a stored image, whose only member then deletes their account. */
async function heldFirm() {
  const firm = await createFirm();
  const processed = await processImage(await pngImage(200, 150));
  if (!processed.ok) throw new Error("test image refused");
  const image = await storeImage(`products/${firm.id.toLowerCase()}`, processed.image);
  const logo = await storeImage(`firms/${firm.id.toLowerCase()}`, processed.image);
  await prisma.firm.update({ where: { id: firm.id }, data: { logoKey: logo.key } });
  const product = await prisma.product.create({
    data: { firmId: firm.id, slug: `held-${firm.id}`, hsCode: "940511", name: { en: { text: "Held lamp", origin: "author" } }, description: {}, images: [image] as never },
  });
  const member = await createUser("FIRM_MEMBER", { firmId: firm.id });
  await deleteAccount(member.id, { id: null, label: "test" });
  expect((await prisma.firm.findUniqueOrThrow({ where: { id: firm.id } })).heldByBureauSince).not.toBeNull();
  return { firm, product, image, logo };
}

/** A person who just registered as a firm: their own firm is empty and not verified. */
async function freshRegistration(locale = "zh-CN") {
  const user = await createUser("FIRM_MEMBER", { locale });
  await prisma.firm.update({ where: { id: user.firmId! }, data: { verification: "PENDING", published: false } });
  return user;
}

describe("the bureau's decision on a held firm", () => {
  it("gives the firm to a firm account without a firm: no longer held, public again, the person told", async () => {
    const { firm, product } = await heldFirm();
    const detail = await (await bureau.get(`/en/bureau/verification/${firm.id}`)).text();
    expect(detail).toContain(`/en/bureau/verification/${firm.id}/held`);
    const page = await (await bureau.get(`/en/bureau/verification/${firm.id}/held`)).text();
    expect(page).toContain("Give the firm to a new member");

    const unknown = await bureau.post(`/en/bureau/verification/${firm.id}/held`, { intent: "assign", email: "nobody@example.test" });
    expect(unknown.status).toBe(422);
    const unknownHtml = await unknown.text();
    expect(unknownHtml).toContain("No active account with this e-mail.");
    expect(unknownHtml).toContain('value="nobody@example.test"');
    const buyer = await createUser("BUYER");
    expect(await (await bureau.post(`/pt-BR/bureau/verification/${firm.id}/held`, { intent: "assign", email: buyer.email })).text()).toContain("Esta conta não é uma conta de empresa.");
    const busy = await createUser("FIRM_MEMBER"); // a verified firm
    expect((await bureau.post(`/en/bureau/verification/${firm.id}/held`, { intent: "assign", email: busy.email })).status).toBe(422);

    const newcomer = await freshRegistration("zh-CN");
    const assigned = await bureau.post(`/en/bureau/verification/${firm.id}/held`, { intent: "assign", email: newcomer.email.toUpperCase() });
    expect(assigned.status).toBe(200);
    expect(await assigned.text()).toContain("The firm now has a member and is no longer held.");
    expect(await prisma.firm.findUniqueOrThrow({ where: { id: firm.id } })).toMatchObject({ heldByBureauSince: null, published: true, closedAt: null });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: newcomer.id } })).firmId).toBe(firm.id);
    expect(await prisma.firm.count({ where: { id: newcomer.firmId! } })).toBe(0); // the empty registration gave way
    expect((await loadDocuments("products", [product.id])).documents).toHaveLength(1);
    const mail = await prisma.mailOutbox.findFirstOrThrow({ where: { userId: newcomer.id } });
    expect(mail.locale).toBe("zh-CN");
    expect(mail.subject).toContain("您现在管理");
    expect(await prisma.auditEvent.findFirst({ where: { entityId: firm.id, action: "assign-held-firm" } })).toMatchObject({ actorId: bureauId });

    // Decided: a second decision is refused.
    const again = await bureau.post(`/en/bureau/verification/${firm.id}/held`, { intent: "close", confirm: "on" });
    expect(again.status).toBe(409);
    expect(await prisma.product.count({ where: { firmId: firm.id } })).toBe(1);
  });

  it("closes the firm: products deleted and out of the index, images deleted from storage", async () => {
    const { firm, product, image, logo } = await heldFirm();
    const storage = objectStorage();
    expect(await storage.get(image.key)).not.toBeNull();

    const unconfirmed = await bureau.post(`/en/bureau/verification/${firm.id}/held`, { intent: "close" });
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain("Tick the box to confirm");
    expect(await prisma.product.count({ where: { firmId: firm.id } })).toBe(1);

    const outboxBefore = await prisma.searchOutbox.count({ where: { entityType: "product", entityId: product.id } });
    const closed = await bureau.post(`/en/bureau/verification/${firm.id}/held`, { intent: "close", confirm: "on" });
    expect(closed.status).toBe(200);
    expect(await closed.text()).toContain("The firm is closed: 1 product(s) deleted.");
    expect(await prisma.product.count({ where: { firmId: firm.id } })).toBe(0);
    expect(await prisma.searchOutbox.count({ where: { entityType: "product", entityId: product.id } })).toBe(outboxBefore + 1);
    expect((await loadDocuments("products", [product.id])).missing).toEqual([product.id]);
    const after = await prisma.firm.findUniqueOrThrow({ where: { id: firm.id } });
    expect(after.closedAt).not.toBeNull();
    expect(after).toMatchObject({ published: false, logoKey: null });
    for (const key of [image.key, image.thumbKey, logo.key, logo.thumbKey]) expect(await storage.get(key), key).toBeNull();
    expect((await new TestClient(server.url).get(`/en/firms/${firm.slug}`)).status).toBe(404);
    expect(await prisma.auditEvent.findFirst({ where: { entityId: firm.id, action: "close-held-firm" } })).toMatchObject({ actorId: bureauId, changes: expect.objectContaining({ productsDeleted: 1 }) });
    expect(await (await bureau.get(`/en/bureau/verification/${firm.id}/held`)).text()).toContain("This firm is closed");
  });

  it("refuses a decision on a firm nobody left", async () => {
    const firm = await createFirm();
    const refused = await bureau.post(`/en/bureau/verification/${firm.id}/held`, { intent: "close", confirm: "on" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("This firm is not held by the bureau.");
    expect((await bureau.get("/en/bureau/verification/no-such-firm/held")).status).toBe(404);
  });
});
