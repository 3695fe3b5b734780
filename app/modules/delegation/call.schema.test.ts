import { describe, expect, it } from "vitest";
import { ApplicationSchema, CallSchema } from "./call.schema";
import { defaultScoreWeights } from "./scoring";

const call = {
  opensAt: "2026-07-01T00:00:00+08:00",
  deadline: "2026-08-31T23:59:00+08:00",
  quota: "40",
  boothTypes: [{ code: "STD", name: "Standard 3×3", widthM: "3", depthM: "3", feeCny: "18000" }],
  subsidySharePercent: "50",
  subsidyCapCny: "10000",
  weights: Object.fromEntries(Object.entries(defaultScoreWeights).map(([key, value]) => [key, String(value)])),
};
const messages = (result: { success: boolean; error?: { issues: { path: (string | number)[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));

describe("a call for a delegation", () => {
  it("accepts what the bureau sets", () => {
    const parsed = CallSchema.safeParse(call);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.quota).toBe(40);
    expect(parsed.data?.verifiedOnly).toBe(true);
  });

  it("refuses a deadline before the opening, quotas of zero or a million, booths without sizes, and weights that are not numbers", () => {
    expect(messages(CallSchema.safeParse({ ...call, deadline: "2026-06-01T00:00:00+08:00" }))).toEqual({ deadline: "delegation:errors.deadlineBeforeOpening" });
    expect(messages(CallSchema.safeParse({ ...call, quota: "0" }))).toEqual({ quota: "delegation:errors.quotaRange" });
    expect(messages(CallSchema.safeParse({ ...call, quota: "1000000" }))).toEqual({ quota: "delegation:errors.quotaRange" });
    expect(messages(CallSchema.safeParse({ ...call, boothTypes: [{ code: "STD", name: "Standard", feeCny: "1" }] }))).toMatchObject({ "boothTypes.0.widthM": "delegation:errors.boothSize" });
    expect(messages(CallSchema.safeParse({ ...call, boothTypes: [] }))).toEqual({ boothTypes: "delegation:errors.boothTypesRequired" });
    expect(messages(CallSchema.safeParse({ ...call, weights: { ...call.weights, marketFit: "lots" } }))).toEqual({ "weights.marketFit": "delegation:errors.number" });
    expect(messages(CallSchema.safeParse({ ...call, weights: Object.fromEntries(Object.keys(call.weights).map((key) => [key, "0"])) }))).toEqual({ weights: "delegation:errors.allWeightsZero" });
  });
});

describe("a firm's application", () => {
  it("needs a booth type, products and attendees, and refuses 500 attendees", () => {
    const attendee = { name: "陈经理", languages: ["zh"] };
    expect(ApplicationSchema.safeParse({ boothTypeCode: "STD", productIds: ["p1", "p2"], attendees: [attendee] }).success).toBe(true);
    expect(messages(ApplicationSchema.safeParse({ boothTypeCode: "STD", productIds: ["p1"], attendees: Array.from({ length: 500 }, () => attendee) }))).toEqual({ attendees: "delegation:errors.tooMany" });
    expect(messages(ApplicationSchema.safeParse({ boothTypeCode: "", productIds: [], attendees: [] }))).toEqual({
      boothTypeCode: "delegation:errors.boothTypeRequired",
      productIds: "delegation:errors.productsRequired",
      attendees: "delegation:errors.attendeesRequired",
    });
  });
});
