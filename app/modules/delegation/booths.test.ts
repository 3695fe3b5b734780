import { describe, expect, it } from "vitest";
import { assignBooths, type Booth, type BoothApplicant } from "./booths";

const booths: Booth[] = [
  ...["A1", "A2", "A3", "A10"].map((number) => ({ number, zone: "A", boothTypeCode: "STD" })),
  ...["B1", "B2", "B3", "B4"].map((number) => ({ number, zone: "B", boothTypeCode: "STD" })),
  { number: "C1", zone: "C", boothTypeCode: "CORNER" },
];
const applicant = (applicationId: string, overrides: Partial<BoothApplicant> = {}): BoothApplicant => ({
  applicationId,
  boothTypeCode: "STD",
  clusterSlug: null,
  keepWithCluster: false,
  booth: null,
  ...overrides,
});

describe("booth assignment", () => {
  it("gives each firm a booth of its type, unique, best-ranked first, in natural order (A2 before A10)", () => {
    const plan = assignBooths(booths, [applicant("1"), applicant("2"), applicant("3"), applicant("4"), applicant("5", { boothTypeCode: "CORNER" })]);
    expect(plan.assignments.map((a) => a.booth)).toEqual(["A1", "A2", "A3", "A10", "C1"]);
    expect(new Set(plan.assignments.map((a) => a.booth)).size).toBe(plan.assignments.length);
    expect(plan.unassigned).toEqual([]);
  });

  it("keeps a cluster that asked for it together in one zone, and leaves hand-placed booths alone", () => {
    const plan = assignBooths(booths, [
      applicant("manual", { booth: "B2" }),
      applicant("solo"),
      applicant("light-1", { clusterSlug: "lighting", keepWithCluster: true }),
      applicant("light-2", { clusterSlug: "lighting", keepWithCluster: true }),
      applicant("light-3", { clusterSlug: "lighting", keepWithCluster: true }),
      applicant("light-4", { clusterSlug: "lighting", keepWithCluster: true }),
    ]);
    const boothOf = new Map(plan.assignments.map((a) => [a.applicationId, a]));
    expect(boothOf.get("manual")?.booth).toBe("B2");
    const zones = new Set(["light-1", "light-2", "light-3", "light-4"].map((id) => boothOf.get(id)?.zone));
    expect(zones).toEqual(new Set(["A"]));
    expect(boothOf.get("solo")?.zone).toBe("B");
  });

  it("says who is left without a booth and why, and is the same on every run", () => {
    const applicants = [applicant("1", { boothTypeCode: "CORNER" }), applicant("2", { boothTypeCode: "CORNER" }), applicant("3", { booth: "Z9" })];
    const plan = assignBooths(booths, applicants);
    expect(plan.unassigned).toEqual([
      { applicationId: "3", reason: "unknownBooth" },
      { applicationId: "2", reason: "noBoothOfType" },
    ]);
    expect(assignBooths(booths, applicants)).toEqual(plan);
  });
});
