import { describe, expect, it } from "vitest";
import {
  addMonthsLessOneDay,
  certificateState,
  certificationsForMarket,
  dueCertificateReminders,
  heldCertificates,
  reminderDaysOf,
  reminderHorizon,
  validCertificateCodes,
  type CertificationRule,
} from "./certificate-validity";

/** Certification rules as data (issue 14): the pure functions take them as input. */
const rule = (code: string, values: Partial<CertificationRule> = {}): [string, CertificationRule] => [
  code,
  { code, markets: [], validityMonths: null, expiryRequired: false, reminderDays: [60, 15], ...values },
];
const today = "2026-12-04";

describe("certification rules", () => {
  it("ends a certificate stated with a first valid day only after the rule's months, the day before the same date", () => {
    expect(addMonthsLessOneDay("2024-01-01", 36)).toBe("2026-12-31");
    expect(addMonthsLessOneDay("2026-03-15", 12)).toBe("2027-03-14");
    // 31 January + 1 month: the end of February, less one day.
    expect(addMonthsLessOneDay("2026-01-31", 1)).toBe("2026-02-27");
    const rules = new Map([rule("ISO9001", { validityMonths: 36 })]);
    expect(heldCertificates([{ code: "ISO9001", validFrom: "2023-06-01" }], rules)).toEqual([{ code: "ISO9001", validFrom: "2023-06-01", validUntil: "2026-05-31" }]);
    expect(validCertificateCodes(heldCertificates([{ code: "ISO9001", validFrom: "2023-06-01" }], rules), today)).toEqual([]);
    // Without the rule the same certificate is taken as stated.
    expect(validCertificateCodes(heldCertificates([{ code: "ISO9001", validFrom: "2023-06-01" }], new Map()), today)).toEqual(["ISO9001"]);
    // A stated last day wins over the rule.
    expect(heldCertificates([{ code: "ISO9001", validFrom: "2023-06-01", validUntil: "2027-01-01" }], rules)[0].validUntil).toBe("2027-01-01");
  });

  it("does not count a certificate without an expiry date where the rule requires one", () => {
    const rules = new Map([rule("CE", { expiryRequired: true }), rule("UL")]);
    const held = heldCertificates([{ code: "CE" }, { code: "UL" }], rules);
    expect(certificateState(held[0], today)).toBe("undated");
    expect(validCertificateCodes(held, today)).toEqual(["UL"]);
    expect(validCertificateCodes(heldCertificates([{ code: "CE", validUntil: "2027-01-01" }], rules), today)).toEqual(["CE"]);
  });

  it("reminds on each certification's own days, and looks as far ahead as the largest", () => {
    const rules = new Map([rule("FSC", { reminderDays: [30] }), rule("CE", { reminderDays: [] })]);
    expect(reminderDaysOf("FSC", rules)).toEqual([30]);
    expect(reminderDaysOf("UL", rules)).toEqual([60, 15]);
    expect(reminderHorizon(new Map([rule("GS", { reminderDays: [90, 7] })]))).toBe(90);
    const at = (code: string, validUntil: string) => [{ code, validUntil }];
    // 50 days left: the default would remind at 60; FSC's rule waits for 30.
    expect(dueCertificateReminders(at("FSC", "2027-01-23"), today, new Set(), rules)).toEqual([]);
    expect(dueCertificateReminders(at("FSC", "2027-01-02"), today, new Set(), rules)).toEqual([{ code: "FSC", validUntil: "2027-01-02", daysBefore: 30, daysLeft: 29 }]);
    expect(dueCertificateReminders(at("CE", "2026-12-10"), today, new Set(), rules)).toEqual([]);
  });

  it("says which certifications matter for a market, the EU's members included", () => {
    const rules = new Map([rule("INMETRO", { markets: ["BR"] }), rule("CE", { markets: ["EU"] }), rule("UL", { markets: ["US", "CA"] })]);
    const eu = new Set(["PT", "DE"]);
    expect(certificationsForMarket(["CE", "INMETRO", "UL"], "BR", rules, eu)).toEqual(["INMETRO"]);
    expect(certificationsForMarket(["CE", "INMETRO", "UL"], "PT", rules, eu)).toEqual(["CE"]);
    expect(certificationsForMarket(["CE", "INMETRO"], "AO", rules, eu)).toEqual([]);
  });
});
