import { describe, expect, it } from "vitest";
import { zhongshanDay } from "~/utils/time-zone";
import {
  certificateState,
  daysBetween,
  dueCertificateReminders,
  heldCertificates,
  productCertificationCodes,
  reminderKey,
  validCertificateCodes,
} from "./certificate-validity";

const today = "2026-12-04";

describe("certificate validity", () => {
  it("holds from the first to the last valid day, both included", () => {
    expect(certificateState({ code: "CE", validUntil: "2026-12-04" }, today)).toBe("valid");
    expect(certificateState({ code: "CE", validUntil: "2026-12-03" }, today)).toBe("expired");
    expect(certificateState({ code: "CE", validFrom: "2026-12-05" }, today)).toBe("notYetValid");
    expect(certificateState({ code: "CE", validFrom: "2026-12-04", validUntil: "2027-01-01" }, today)).toBe("valid");
    expect(certificateState({ code: "CE" }, today)).toBe("valid");
  });

  it("reads only well-formed stored entries", () => {
    expect(heldCertificates([{ code: "CE", validUntil: "2024-05-31" }, { code: "" }, null, "UL", { code: "RoHS", validUntil: "31/05/2024" }], new Map())).toEqual([
      { code: "CE", validFrom: null, validUntil: "2024-05-31" },
      { code: "RoHS", validFrom: null, validUntil: null },
    ]);
    expect(heldCertificates({ code: "CE" }, new Map())).toEqual([]);
  });

  it("counts only the certificates that hold today, each code once", () => {
    const held = [
      { code: "CE", validUntil: "2024-05-31" },
      { code: "UL", validUntil: "2027-03-01" },
      { code: "ISO9001" },
      { code: "ISO9001", validUntil: "2025-01-01" },
      { code: "CCC", validFrom: "2027-01-01" },
    ];
    expect(validCertificateCodes(held, today)).toEqual(["UL", "ISO9001"]);
  });

  it("takes from a product the codes its firm holds only as expired certificates", () => {
    const firm = [{ code: "CE", validUntil: "2024-05-31" }, { code: "UL", validUntil: "2027-03-01" }];
    expect(productCertificationCodes(["CE", "UL", "RoHS", "UL"], firm, today)).toEqual(["UL", "RoHS"]);
    // Renewed: a second, current CE certificate restores the claim.
    expect(productCertificationCodes(["CE"], [...firm, { code: "CE", validUntil: "2029-05-31" }], today)).toEqual(["CE"]);
  });

  it("reminds at 60 and at 15 days, once each, late rather than never", () => {
    const at = (validUntil: string) => [{ code: "CE", validUntil }];
    expect(dueCertificateReminders(at("2027-02-03"), today, new Set())).toEqual([]); // 61 days
    expect(dueCertificateReminders(at("2027-02-02"), today, new Set())).toEqual([{ code: "CE", validUntil: "2027-02-02", daysBefore: 60, daysLeft: 60 }]);
    expect(dueCertificateReminders(at("2027-02-02"), today, new Set([reminderKey("CE", "2027-02-02", 60)]))).toEqual([]);
    // At 14 days, with the 60-day reminder never sent: only the 15-day one.
    expect(dueCertificateReminders(at("2026-12-18"), today, new Set())).toEqual([{ code: "CE", validUntil: "2026-12-18", daysBefore: 15, daysLeft: 14 }]);
    expect(dueCertificateReminders(at("2026-12-18"), today, new Set([reminderKey("CE", "2026-12-18", 15)]))).toEqual([]);
    // Expired or undated: nothing to remind.
    expect(dueCertificateReminders([{ code: "CE", validUntil: "2026-12-03" }, { code: "UL" }], today, new Set())).toEqual([]);
    // A renewed certificate (new last day) is reminded afresh.
    expect(dueCertificateReminders(at("2027-01-20"), today, new Set([reminderKey("CE", "2026-12-18", 15)]))).toHaveLength(1);
  });

  it("counts days between calendar days, across a year's end", () => {
    expect(daysBetween("2026-12-31", "2027-01-01")).toBe(1);
    expect(daysBetween(today, today)).toBe(0);
  });

  it("takes today as Zhongshan's day, not the server's", () => {
    // 17:00 UTC on 4 December is already 5 December in Zhongshan (UTC+8).
    expect(zhongshanDay(new Date("2026-12-04T17:00:00Z"))).toBe("2026-12-05");
    expect(zhongshanDay(new Date("2026-12-04T15:59:00Z"))).toBe("2026-12-04");
  });
});
