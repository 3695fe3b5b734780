import { describe, expect, it } from "vitest";
import { editionDays, isHttpsUrl, registrationSchema } from "./registration.schema";

const schema = registrationSchema({ startsOn: "2026-10-22", endsOn: "2026-10-24" });
const valid = { days: ["2026-10-23", "2026-10-22", "2026-10-23"], mode: "IN_PERSON", timeZone: "America/Sao_Paulo", languages: ["pt"] };

describe("meeting registration", () => {
  it("lists an edition's days", () => {
    expect(editionDays("2026-10-22", "2026-10-24")).toEqual(["2026-10-22", "2026-10-23", "2026-10-24"]);
    expect(editionDays("2026-10-24", "2026-10-22")).toEqual([]);
  });

  it("keeps days sorted and once each, and drops a video link for in-person buyers", () => {
    const parsed = schema.parse({ ...valid, videoLink: "https://meet.example.com/x" });
    expect(parsed.days).toEqual(["2026-10-22", "2026-10-23"]);
    expect(parsed.videoLink).toBeNull();
    expect(parsed.needsInterpreter).toBe(false);
  });

  it("refuses days outside the fair, unknown zones and remote buyers without an https link", () => {
    const issues = (input: Record<string, unknown>) => {
      const result = schema.safeParse({ ...valid, ...input });
      return result.success ? [] : result.error.issues.map((issue) => issue.message);
    };
    expect(issues({ days: ["2026-10-25"] })).toContain("meetings:errors.dayOutsideFair");
    expect(issues({ days: [] })).toContain("meetings:errors.noDays");
    expect(issues({ timeZone: "Mars/Olympus" })).toContain("meetings:errors.timeZone");
    expect(issues({ timeZone: "UTC" })).toContain("meetings:errors.timeZone");
    expect(issues({ mode: "REMOTE" })).toContain("meetings:errors.videoLinkRequired");
    expect(issues({ mode: "REMOTE", videoLink: "javascript:alert(1)" })).toContain("meetings:errors.videoLink");
    expect(issues({ mode: "REMOTE", videoLink: "https://meet.example.com/abc", timeZone: "Asia/Dili" })).toEqual([]);
    expect(issues({ languages: [] })).toContain("meetings:errors.noLanguage");
  });

  it("accepts only https links to a host without credentials", () => {
    expect(isHttpsUrl("https://meet.example.com/abc")).toBe(true);
    expect(isHttpsUrl("http://meet.example.com/abc")).toBe(false);
    expect(isHttpsUrl("https://user:pw@meet.example.com/abc")).toBe(false);
  });
});
