/**
 * Demo delegations: the bureau's calls for editions of the reference fairs,
 * with applications from demo firms: finished delegations (booths and
 * subsidies paid), one call open for applications and one in selection.
 * Call ids start with "seed-" so a new demo seed replaces them; an edition
 * whose call the bureau wrote itself is left alone.
 */
import { prisma, type Prisma } from "~/utils/db.server";
import { defaultScoreWeights } from "~/modules/delegation/scoring";

const DAY = 86_400_000;
const lusophone = ["AO", "BR", "CV", "GW", "GQ", "MZ", "PT", "ST", "TL"];

const boothTypes = [
  { code: "STD", name: "标准展位 Standard 3×3", widthM: 3, depthM: 3, feeCny: 18_000 },
  { code: "CORNER", name: "角位 Corner 3×3", widthM: 3, depthM: 3, feeCny: 22_000 },
];

interface DemoCall {
  editionSlug: string;
  status: "OPEN" | "CLOSED" | "FINISHED";
  quota: number;
  applicants: number;
  /** Which demo firms apply (their seed index), from the first. */
  firstFirm: number;
  priorityClusters: string[];
}

const calls: DemoCall[] = [
  { editionSlug: "mif-2025", status: "FINISHED", quota: 8, applicants: 11, firstFirm: 0, priorityClusters: ["lighting", "appliances"] },
  { editionSlug: "canton-fair-138", status: "FINISHED", quota: 10, applicants: 12, firstFirm: 12, priorityClusters: ["appliances", "hardware"] },
  { editionSlug: "mif-2026", status: "FINISHED", quota: 8, applicants: 10, firstFirm: 4, priorityClusters: ["lighting", "redwood-furniture"] },
  { editionSlug: "mif-2027", status: "CLOSED", quota: 6, applicants: 9, firstFirm: 20, priorityClusters: ["lighting", "appliances"] },
  { editionSlug: "canton-fair-141", status: "OPEN", quota: 15, applicants: 5, firstFirm: 30, priorityClusters: ["appliances", "office-furniture"] },
];

const attendees = [
  [{ name: "陈伟", role: "总经理 General manager", languages: ["zh", "en"] }],
  [{ name: "李娜", role: "外贸经理 Export manager", languages: ["zh", "pt"] }, { name: "王磊", role: "销售 Sales", languages: ["zh"] }],
  [{ name: "黄晓明", role: "销售总监 Sales director", languages: ["zh", "en"] }],
];

export async function seedDemoDelegations(today: Date) {
  await prisma.delegationCall.deleteMany({ where: { id: { startsWith: "seed-" } } });
  const bureau = await prisma.user.findFirst({ where: { role: "BUREAU_STAFF" }, select: { id: true } });
  for (const demo of calls) {
    const edition = await prisma.fairEdition.findUnique({ where: { slug: demo.editionSlug }, select: { id: true, startsOn: true, endsOn: true, call: { select: { id: true } } } });
    if (!edition || edition.call) continue;
    const start = edition.startsOn.getTime();
    // Finished calls keep their real dates; the open one closes a month from today at the earliest.
    const deadline = demo.status === "OPEN" ? new Date(Math.max(start - 45 * DAY, today.getTime() + 30 * DAY)) : demo.status === "CLOSED" ? new Date(today.getTime() - 3 * DAY) : new Date(start - 50 * DAY);
    const opensAt = new Date(Math.min(deadline.getTime() - 40 * DAY, today.getTime() - 10 * DAY));
    const firms = await prisma.firm.findMany({
      where: { id: { startsWith: "seed-" }, verification: "VERIFIED" },
      orderBy: { id: "asc" },
      skip: demo.firstFirm,
      take: demo.applicants,
      select: { id: true, products: { where: { published: true }, take: 2, orderBy: { id: "asc" }, select: { id: true } } },
    });
    const booths = Array.from({ length: demo.quota + 4 }, (_, index) => ({ number: `${index < 4 ? "C" : "A"}${index + 1}`, zone: index < 4 ? "C" : "A", boothTypeCode: index < 2 ? "CORNER" : "STD" }));
    const callId = `seed-call-${demo.editionSlug}`;
    await prisma.delegationCall.create({
      data: {
        id: callId,
        editionId: edition.id,
        status: demo.status,
        opensAt,
        deadline,
        quota: demo.quota,
        boothTypes: boothTypes as Prisma.InputJsonValue,
        booths: booths as Prisma.InputJsonValue,
        subsidySharePercent: 50,
        subsidyCapCny: 10_000,
        documentsAsked: ["营业执照副本 Business licence", "出口业绩证明 Export record"] as Prisma.InputJsonValue,
        weights: defaultScoreWeights as unknown as Prisma.InputJsonValue,
        scoringContext: { markets: demo.editionSlug.startsWith("mif") ? lusophone : [], relevantCertifications: ["CE", "INMETRO"], priorityClusters: demo.priorityClusters, profileLocales: ["zh-CN", "en", "pt"] },
        rosterPublishedAt: demo.status === "FINISHED" ? new Date(start - 20 * DAY) : null,
        createdById: bureau?.id ?? null,
      },
    });
    await prisma.delegationApplication.createMany({
      data: firms.map((firm, index) => {
        const approved = demo.status === "FINISHED" ? index < demo.quota : demo.status === "CLOSED" ? index < 3 : false;
        const waitlisted = demo.status !== "OPEN" && !approved && index < demo.quota + 2 && demo.status !== "CLOSED";
        const rejected = demo.status === "FINISHED" && !approved && !waitlisted;
        const status = approved ? "APPROVED" : waitlisted ? "WAITLISTED" : rejected ? "REJECTED" : "SUBMITTED";
        const boothTypeCode = index % 5 === 0 ? "CORNER" : "STD";
        return {
          callId,
          firmId: firm.id,
          status,
          boothTypeCode,
          productIds: firm.products.map((product) => product.id),
          attendees: attendees[index % attendees.length] as Prisma.InputJsonValue,
          keepWithCluster: index % 3 === 0,
          submittedAt: new Date(opensAt.getTime() + (index + 1) * DAY),
          decidedAt: status === "SUBMITTED" ? null : new Date(deadline.getTime() + 5 * DAY),
          decidedById: status === "SUBMITTED" ? null : (bureau?.id ?? null),
          decisionReason: waitlisted ? "名额已满，列入候补名单。" : rejected ? "本届名额已满，欢迎申请下一届。" : null,
          decisionReasonLocale: waitlisted || rejected ? "zh-CN" : null,
          booth: null,
          boothZone: null,
          subsidyPaidCny: approved && demo.status === "FINISHED" ? (boothTypeCode === "CORNER" ? 10_000 : 9_000) : null,
          subsidyPaidAt: approved && demo.status === "FINISHED" ? new Date(edition.endsOn.getTime() + 30 * DAY) : null,
        };
      }),
    });
    // Booths, one each, unique per edition, for the finished delegations.
    if (demo.status === "FINISHED") {
      const approved = await prisma.delegationApplication.findMany({ where: { callId, status: "APPROVED" }, orderBy: { submittedAt: "asc" }, select: { id: true, boothTypeCode: true } });
      const free = [...booths];
      for (const application of approved) {
        const index = free.findIndex((entry) => entry.boothTypeCode === application.boothTypeCode);
        const booth = free.splice(index === -1 ? 0 : index, 1)[0];
        if (booth) await prisma.delegationApplication.update({ where: { id: application.id }, data: { booth: booth.number, boothZone: booth.zone } });
      }
    }
  }
}
