import { describe, expect, it } from "vitest";
import { applicationWindow, callStatuses, callTermsEditable, canFirmChange, canMoveCall, checkDecision, nextFromWaitlist } from "./lifecycle";
import { ineligibleReasons } from "./eligibility";

const now = new Date("2026-08-10T00:00:00Z");
const open = { status: "OPEN" as const, deadline: new Date("2026-08-31T16:00:00Z"), quota: 2 };

describe("a call's lifecycle", () => {
  it("goes draft → open → closed → selected → roster published → finished, and only forward after selection", () => {
    const path = ["DRAFT", "OPEN", "CLOSED", "SELECTED", "ROSTER_PUBLISHED", "FINISHED"] as const;
    for (let i = 0; i + 1 < path.length; i++) expect(canMoveCall(path[i], path[i + 1])).toBe(true);
    expect(canMoveCall("CLOSED", "OPEN")).toBe(true);
    expect(canMoveCall("DRAFT", "SELECTED")).toBe(false);
    expect(canMoveCall("SELECTED", "OPEN")).toBe(false);
    for (const status of callStatuses) expect(canMoveCall("FINISHED", status)).toBe(false);
  });

  it("takes applications, edits and withdrawals only while open and before the deadline", () => {
    expect(applicationWindow(open, now)).toBeNull();
    expect(applicationWindow(open, new Date("2026-08-31T16:00:00Z"))).toBe("deadlinePassed");
    expect(applicationWindow({ ...open, status: "CLOSED" }, now)).toBe("callNotOpen");
    expect(applicationWindow({ ...open, status: "DRAFT" }, now)).toBe("callNotOpen");
    expect(canFirmChange(open, { status: "SUBMITTED" }, now)).toBeNull();
    expect(canFirmChange(open, { status: "WITHDRAWN" }, now)).toBe("withdrawn");
    expect(canFirmChange(open, { status: "APPROVED" }, now)).toBe("decided");
  });
});

describe("the call's terms", () => {
  it("can change until selection starts, and never after", () => {
    expect(callStatuses.filter(callTermsEditable)).toEqual(["DRAFT", "OPEN", "CLOSED"]);
  });
});

describe("decisions", () => {
  const closed = { ...open, status: "CLOSED" as const };
  it("respect the quota, and refuse a withdrawn application or a call still open", () => {
    expect(checkDecision(closed, { status: "SUBMITTED" }, "APPROVED", 1)).toBeNull();
    expect(checkDecision(closed, { status: "SUBMITTED" }, "APPROVED", 2)).toBe("quotaFull");
    expect(checkDecision(closed, { status: "APPROVED" }, "APPROVED", 2)).toBeNull();
    expect(checkDecision(closed, { status: "SUBMITTED" }, "WAITLISTED", 2)).toBeNull();
    expect(checkDecision(closed, { status: "WITHDRAWN" }, "REJECTED", 0)).toBe("applicationWithdrawn");
    expect(checkDecision(open, { status: "SUBMITTED" }, "APPROVED", 0)).toBe("callNotInSelection");
  });

  it("promote the best-ranked waitlisted firm when an approved one withdraws", () => {
    const ranked = [
      { id: "a", status: "APPROVED" as const },
      { id: "b", status: "REJECTED" as const },
      { id: "c", status: "WAITLISTED" as const },
      { id: "d", status: "WAITLISTED" as const },
    ];
    expect(nextFromWaitlist(ranked)?.id).toBe("c");
    expect(nextFromWaitlist(ranked.slice(0, 2))).toBeUndefined();
  });
});

describe("eligibility", () => {
  const call = { townIds: ["guzhen"], clusterIds: [], verifiedOnly: true, minProducts: 2 };
  it("says every reason a firm may not apply", () => {
    expect(ineligibleReasons({ townId: "guzhen", clusterId: "lighting", verified: true, publishedProducts: 3 }, call)).toEqual([]);
    expect(ineligibleReasons({ townId: "xiaolan", clusterId: null, verified: false, publishedProducts: 1 }, call).map((reason) => reason.code)).toEqual(["notVerified", "otherTown", "tooFewProducts"]);
    expect(ineligibleReasons({ townId: null, clusterId: "x", verified: true, publishedProducts: 5 }, { ...call, townIds: [], clusterIds: ["lighting"] })).toEqual([{ code: "otherCluster", clusterIds: ["lighting"] }]);
  });
});
