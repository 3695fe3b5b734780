import { describe, expect, it } from "vitest";
import { ApplicationFormSchema, attendeesText, parseAttendees } from "./application-form";

const base = { boothTypeCode: "STD", productIds: ["p1", "p2", "p1"], attendees: "王芳, 销售经理\nJoão Silva" };

describe("the firm's application form", () => {
  it("reads attendees one per line, name then role, and keeps products once", () => {
    const parsed = ApplicationFormSchema.parse(base);
    expect(parsed.productIds).toEqual(["p1", "p2"]);
    expect(parsed.attendees).toEqual([
      { name: "王芳", role: "销售经理", languages: [] },
      { name: "João Silva", languages: [] },
    ]);
    expect(parseAttendees("李明，总经理\n\n  ")).toEqual([{ name: "李明", role: "总经理" }]);
    expect(attendeesText(parsed.attendees)).toBe("王芳, 销售经理\nJoão Silva");
  });

  it("refuses 500 attendees with the count, no attendee, and no product", () => {
    const many = Array.from({ length: 500 }, (_, index) => `Person ${index}`).join("\n");
    const result = ApplicationFormSchema.safeParse({ ...base, attendees: many });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["attendees"], message: "participation:errors.tooManyAttendees|max=10|count=500" });
    expect(ApplicationFormSchema.safeParse({ ...base, attendees: " \n " }).error?.issues[0].message).toBe("participation:errors.attendeesRequired");
    expect(ApplicationFormSchema.safeParse({ ...base, productIds: [] }).error?.issues[0].message).toBe("participation:errors.productsRequired");
  });
});
