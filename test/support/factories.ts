import crypto from "node:crypto";
import { prisma } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { withUsccCheck } from "~/modules/firm/uscc";
import type { Role } from "~/modules/access/user.server";

/** Test data builders: each call makes distinct, valid records. */
const unique = () => crypto.randomBytes(4).toString("hex");

export function randomUscc(): string {
  const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  let body = "91442000";
  for (let i = 0; i < 9; i++) body += alphabet[crypto.randomInt(i < 8 ? 10 : alphabet.length)];
  return withUsccCheck(body);
}

export async function createFirm(overrides: { verification?: "PENDING" | "VERIFIED" | "REJECTED"; published?: boolean; nameZh?: string } = {}) {
  const id = unique();
  return prisma.firm.create({
    data: {
      slug: `test-firm-${id}`,
      uscc: randomUscc(),
      name: { "zh-CN": { text: overrides.nameZh ?? `中山市测试${id}照明有限公司`, origin: "author" }, en: { text: `Test ${id} Lighting Co., Ltd.`, origin: "author" } },
      description: {},
      verification: overrides.verification ?? "VERIFIED",
      published: overrides.published ?? true,
    },
  });
}

export async function createBuyerCompany(country = "BR") {
  return prisma.buyerCompany.create({ data: { name: `Importadora Teste ${unique()} Ltda.`, country } });
}

export const TEST_PASSWORD = "correct horse battery staple";

export async function createUser(role: Role, overrides: { password?: string; email?: string; firmId?: string; buyerCompanyId?: string; locale?: string } = {}) {
  let firmId = overrides.firmId ?? null;
  let buyerCompanyId = overrides.buyerCompanyId ?? null;
  if (role === "FIRM_MEMBER" && !firmId) firmId = (await createFirm()).id;
  if (role === "BUYER" && !buyerCompanyId) buyerCompanyId = (await createBuyerCompany()).id;
  const password = overrides.password ?? TEST_PASSWORD;
  const user = await prisma.user.create({
    data: {
      email: overrides.email ?? `${role.toLowerCase()}-${unique()}@example.test`,
      displayName: `${role} ${unique()}`,
      passwordHash: await hashPassword(password),
      role,
      locale: overrides.locale ?? "en",
      firmId,
      buyerCompanyId,
    },
  });
  return { ...user, password };
}
