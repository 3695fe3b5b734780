import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { getFirmAgendaEdition, getFirmMeetingEdition, getMeetingEdition, isDelegationFirm } from "~/modules/meeting/edition.server";
import { feedStatus, renewFeed, revokeFeed } from "~/modules/meeting/feed.server";
import { DomainError } from "~/utils/domain-error";
import { seedReference } from "../../prisma/seed/seed.server";
import { createFirm } from "../support/factories";

/**
 * A firm's meeting pages read the edition and the firm's membership of its
 * delegation in one statement (`getFirmMeetingEdition`), whose SQL restates
 * `delegationFirmWhere`. Here the two answer the same for firms in every
 * state: approved or not, public or not, in this edition's delegation or
 * another's, or none.
 */
const SLUG = "mif-2027";
const OTHER = "plpex-2027";
let editionId: string;

type Case = { name: string; firmId: string };
const cases: Case[] = [];

async function firmIn(name: string, callId: string | null, status: "APPROVED" | "SUBMITTED" | "WITHDRAWN" | "REJECTED", firm: { verification?: "PENDING" | "VERIFIED" | "REJECTED"; published?: boolean } = {}) {
  const created = await createFirm(firm);
  if (callId) await prisma.delegationApplication.create({ data: { callId, firmId: created.id, status, boothTypeCode: "STD" } });
  cases.push({ name, firmId: created.id });
}

const outcome = (run: Promise<unknown>) =>
  run.then(
    () => "member",
    (error: unknown) => (error instanceof DomainError ? `${error.status}` : `unexpected ${String(error)}`),
  );

beforeAll(async () => {
  await seedReference();
  editionId = (await prisma.fairEdition.findUniqueOrThrow({ where: { slug: SLUG } })).id;
  const otherId = (await prisma.fairEdition.findUniqueOrThrow({ where: { slug: OTHER } })).id;
  const call = (id: string) => prisma.delegationCall.create({ data: { editionId: id, status: "SELECTED", opensAt: new Date("2027-01-01T00:00:00Z"), deadline: new Date("2027-03-01T00:00:00Z"), quota: 50 } });
  const callId = (await call(editionId)).id;
  const otherCallId = (await call(otherId)).id;
  await firmIn("approved, public", callId, "APPROVED");
  await firmIn("submitted", callId, "SUBMITTED");
  await firmIn("withdrawn", callId, "WITHDRAWN");
  await firmIn("rejected", callId, "REJECTED");
  await firmIn("approved, verification pending", callId, "APPROVED", { verification: "PENDING" });
  await firmIn("approved, verification rejected", callId, "APPROVED", { verification: "REJECTED" });
  await firmIn("approved, not published", callId, "APPROVED", { published: false });
  await firmIn("approved for the other edition only", otherCallId, "APPROVED");
  await firmIn("no application", null, "APPROVED");
}, 120_000);

describe("getFirmMeetingEdition", () => {
  it("lets in exactly the firms delegationFirmWhere counts as the delegation's, and refuses the others with 403", async () => {
    const seen: Record<string, string> = {};
    for (const { name, firmId } of cases) {
      const expected = (await isDelegationFirm(editionId, firmId)) ? "member" : "403";
      seen[name] = await outcome(getFirmMeetingEdition(SLUG, firmId, "en"));
      expect(seen[name], name).toBe(expected);
    }
    // Both answers occur: the comparison above is not vacuous.
    expect(seen["approved, public"]).toBe("member");
    expect(Object.values(seen).filter((value) => value === "403")).toHaveLength(cases.length - 1);
  });

  it("gives the same edition as getMeetingEdition, in the reader's language", async () => {
    const member = cases[0].firmId;
    for (const locale of ["en", "pt-BR", "zh-CN"] as const) {
      expect(await getFirmMeetingEdition(SLUG, member, locale)).toEqual(await getMeetingEdition(SLUG, locale));
    }
  });

  it("answers 404 for an unknown slug, an empty one, and an edition with no delegation", async () => {
    const member = cases[0].firmId;
    expect(await outcome(getFirmMeetingEdition("no-such-fair", member, "en"))).toBe("404");
    expect(await outcome(getFirmMeetingEdition("", member, "en"))).toBe("404");
    expect(await outcome(getFirmMeetingEdition("canton-fair-138", member, "en"))).toBe("404");
  });
});

describe("getFirmAgendaEdition", () => {
  it("gives getFirmMeetingEdition's edition and answers, and the firm's own feed as feedStatus does", async () => {
    const [member, other] = [cases[0].firmId, cases[1].firmId];
    const edition = await getFirmMeetingEdition(SLUG, member, "pt-BR");
    expect(await getFirmAgendaEdition(SLUG, member, "pt-BR")).toEqual({ edition, feed: null });
    const user = await prisma.user.create({ data: { email: "agenda-feed@ponte.test", passwordHash: "x", role: "FIRM_MEMBER", firmId: member, displayName: "Feed maker" } });
    await renewFeed({ userId: user.id }, edition, { firmId: member }, "pt-BR");
    // Another participant's feed (a buyer's, another firm's) is not this firm's.
    const buyer = await prisma.buyerCompany.create({ data: { name: "Importadora Feed", country: "BR" } });
    await renewFeed({ userId: user.id }, edition, { buyerCompanyId: buyer.id }, "pt-BR");
    await renewFeed({ userId: user.id }, edition, { firmId: other }, "pt-BR");
    const read = await getFirmAgendaEdition(SLUG, member, "pt-BR");
    expect(read.feed).not.toBeNull();
    expect(read.feed).toEqual(await feedStatus(edition, { firmId: member }));
    await revokeFeed(edition, { firmId: member });
    expect((await getFirmAgendaEdition(SLUG, member, "pt-BR")).feed).toBeNull();
    for (const { name, firmId } of cases.slice(1)) expect(await outcome(getFirmAgendaEdition(SLUG, firmId, "en")), name).toBe(await outcome(getFirmMeetingEdition(SLUG, firmId, "en")));
    expect(await outcome(getFirmAgendaEdition("no-such-fair", member, "en"))).toBe("404");
  });
});
