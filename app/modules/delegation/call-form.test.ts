import { describe, expect, it } from "vitest";
import { compactRows, fromZonedInput, prepareCallForm, toZonedInput } from "./call-form";

describe("the call form's values", () => {
  it("reads a local time typed for Macao or Guangzhou as that zone's instant, and shows it back the same", () => {
    expect(fromZonedInput("2026-09-30T18:00", "Asia/Macau")).toBe("2026-09-30T18:00:00.000+08:00");
    expect(new Date(fromZonedInput("2026-09-30T18:00", "Asia/Shanghai")).toISOString()).toBe("2026-09-30T10:00:00.000Z");
    expect(toZonedInput(new Date("2026-09-30T10:00:00Z"), "Asia/Macau")).toBe("2026-09-30T18:00");
    // Lisbon has summer time: the same wall time is another offset in January.
    expect(fromZonedInput("2027-01-10T09:00", "Europe/Lisbon")).toBe("2027-01-10T09:00:00.000+00:00");
    expect(fromZonedInput("2027-07-10T09:00", "Europe/Lisbon")).toBe("2027-07-10T09:00:00.000+01:00");
  });

  it("leaves what is not a local time as typed, for the schema to refuse", () => {
    expect(fromZonedInput("next week", "Asia/Macau")).toBe("next week");
    expect(fromZonedInput("2026-02-31T10:00", "Asia/Macau")).toBe("2026-02-31T10:00");
  });

  it("drops the empty spare rows and renumbers the others", () => {
    const form = new FormData();
    form.append("quota", "10");
    form.append("boothTypes[0].code", "STD");
    form.append("boothTypes[0].name", "Standard");
    form.append("boothTypes[1].code", "");
    form.append("boothTypes[1].name", " ");
    form.append("boothTypes[2].code", "CORNER");
    form.append("documentsAsked[0]", "");
    form.append("documentsAsked[1]", "营业执照");
    const out = compactRows(form, ["boothTypes", "documentsAsked"]);
    expect([...out]).toEqual([
      ["quota", "10"],
      ["boothTypes[0].code", "STD"],
      ["boothTypes[0].name", "Standard"],
      ["boothTypes[1].code", "CORNER"],
      ["documentsAsked[0]", "营业执照"],
    ]);
  });

  it("prepares the whole form", () => {
    const form = new FormData();
    form.append("opensAt", "2026-12-01T09:00");
    form.append("deadline", "2027-02-28T23:59");
    const out = prepareCallForm(form, "Asia/Macau");
    expect(new Date(String(out.get("deadline"))).toISOString()).toBe("2027-02-28T15:59:00.000Z");
  });
});
