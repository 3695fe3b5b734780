/**
 * Whether a firm's certificates hold today. A certificate counts (badge,
 * facet value, filter hit, match reason, fair score) only between its first
 * and last valid day; an expired one is still shown, marked as expired, so
 * the firm sees what to renew. Days are calendar days in Zhongshan
 * ("2026-12-04"); a certificate without dates is taken as the firm states it.
 * Pure: the caller says which day it is, and gives the certifications'
 * rules (bureau-edited data, `Certification` rows: validity months, whether
 * a last valid day is required, reminder days) where they apply.
 */

export interface HeldCertificate {
  code: string;
  validFrom?: string | null;
  validUntil?: string | null;
  /** Its certification requires a last valid day and none is stated or derived: it does not count. */
  undated?: boolean;
}

export type CertificateState = "valid" | "expired" | "notYetValid" | "undated";

/** A certification's rules as the bureau keeps them (the `Certification` row). */
export interface CertificationRule {
  code: string;
  /** ISO 3166-1 alpha-2 codes, or "EU". */
  markets: readonly string[];
  validityMonths: number | null;
  expiryRequired: boolean;
  reminderDays: readonly number[];
}

export type CertificationRules = ReadonlyMap<string, CertificationRule>;

/** Days before the last valid day when the firm is reminded to renew, for a certification without rules of its own. */
export const CERTIFICATE_REMINDER_DAYS = [60, 15] as const;

/**
 * The firm's certificates as stored (JSON), keeping only well-formed entries,
 * under their certifications' rules. Every decision that reads a firm's
 * certificates (badges, facets, matching, notices' targeting, fair scores)
 * reads them through this one function, so the rules are required: pass
 * `new Map()` only where no rule can apply.
 */
export function heldCertificates(value: unknown, rules: CertificationRules): HeldCertificate[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    if (!entry || typeof entry !== "object") return [];
    const { code, validFrom, validUntil } = entry as Record<string, unknown>;
    if (typeof code !== "string" || !code) return [];
    const held = { code, validFrom: isDay(validFrom) ? validFrom : null, validUntil: isDay(validUntil) ? validUntil : null };
    return [applyCertificationRule(held, rules.get(code))];
  });
}

/**
 * A certificate under its certification's rule: one with a first valid day
 * and no last one holds `validityMonths` (to the day before the same date
 * that many months later); one that still has no last valid day, where the
 * rule requires one, is marked undated.
 */
export function applyCertificationRule(certificate: HeldCertificate, rule: CertificationRule | undefined): HeldCertificate {
  if (!rule || certificate.validUntil) return certificate;
  if (certificate.validFrom && rule.validityMonths) return { ...certificate, validUntil: addMonthsLessOneDay(certificate.validFrom, rule.validityMonths) };
  return rule.expiryRequired ? { ...certificate, undated: true } : certificate;
}

/** "2026-01-31" + 1 month → "2026-02-28" (the last day of a month that is shorter), less one day. */
export function addMonthsLessOneDay(day: string, months: number): string {
  const [year, month, date] = day.split("-").map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastOfMonth = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, lastOfMonth) - 1);
  return target.toISOString().slice(0, 10);
}

/** The reminder thresholds of a certification, largest first. */
export function reminderDaysOf(code: string, rules?: CertificationRules): number[] {
  const days = rules?.get(code)?.reminderDays ?? CERTIFICATE_REMINDER_DAYS;
  return [...new Set(days)].filter((value) => value > 0).sort((a, b) => b - a);
}

/** How far ahead reminders look: the largest threshold of any certification. */
export function reminderHorizon(rules?: CertificationRules): number {
  const all = [...CERTIFICATE_REMINDER_DAYS, ...[...(rules?.values() ?? [])].flatMap((rule) => rule.reminderDays)];
  return Math.max(...all);
}

/** The members of the European Union (ISO 3166-1 alpha-2), for certifications whose market is "EU". */
export const EU_MEMBERS: ReadonlySet<string> = new Set([
  "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
  "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
]);

/** The certifications among `codes` that matter for a market (a country, or the EU for its members). */
export function certificationsForMarket(codes: readonly string[], country: string, rules: CertificationRules, euMembers: ReadonlySet<string>): string[] {
  return codes.filter((code) => {
    const markets = rules.get(code)?.markets ?? [];
    return markets.includes(country) || (euMembers.has(country) && markets.includes("EU"));
  });
}

export function certificateState(certificate: HeldCertificate, today: string): CertificateState {
  if (certificate.undated) return "undated";
  if (certificate.validUntil && certificate.validUntil < today) return "expired";
  if (certificate.validFrom && certificate.validFrom > today) return "notYetValid";
  return "valid";
}

/** The codes of the certificates that hold today, once each. */
export function validCertificateCodes(certificates: readonly HeldCertificate[], today: string): string[] {
  return [...new Set(certificates.filter((certificate) => certificateState(certificate, today) === "valid").map((certificate) => certificate.code))];
}

/**
 * The certifications a product may claim today: those it lists, less the
 * ones its firm holds only as certificates that do not hold today (a CE that
 * ran out in 2024 no longer certifies the firm's lamps). A code the firm
 * does not list at all stays: the product's own claim, as the firm made it.
 */
export function productCertificationCodes(productCodes: readonly string[], firmCertificates: readonly HeldCertificate[], today: string): string[] {
  const holding = new Set(validCertificateCodes(firmCertificates, today));
  const listed = new Set(firmCertificates.map((certificate) => certificate.code));
  return [...new Set(productCodes.filter((code) => holding.has(code) || !listed.has(code)))];
}

/** Whole days from `from` to `to` (both "YYYY-MM-DD"). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export interface DueReminder {
  code: string;
  validUntil: string;
  /** The reminder's threshold (60 or 15). */
  daysBefore: number;
  /** Days left today, counting the last valid day. */
  daysLeft: number;
}

/**
 * The renewal reminders due today: for each certificate that still holds
 * and ends within a threshold, the smallest threshold reached, unless
 * `sent` has it already (keys from `reminderKey`). A reminder missed while
 * the server was down is sent late, not skipped; a firm that learns of the
 * 60-day mark at 14 days gets only the 15-day one.
 */
export function dueCertificateReminders(certificates: readonly HeldCertificate[], today: string, sent: ReadonlySet<string>, rules?: CertificationRules): DueReminder[] {
  const due: DueReminder[] = [];
  for (const certificate of certificates) {
    if (!certificate.validUntil || certificateState(certificate, today) !== "valid") continue;
    const daysLeft = daysBetween(today, certificate.validUntil);
    const reached = reminderDaysOf(certificate.code, rules).filter((days) => daysLeft <= days);
    if (reached.length === 0) continue;
    const daysBefore = Math.min(...reached);
    const key = reminderKey(certificate.code, certificate.validUntil, daysBefore);
    if (sent.has(key) || due.some((reminder) => reminderKey(reminder.code, reminder.validUntil, reminder.daysBefore) === key)) continue;
    due.push({ code: certificate.code, validUntil: certificate.validUntil, daysBefore, daysLeft });
  }
  return due;
}

export function reminderKey(code: string, validUntil: string, daysBefore: number): string {
  return `${code}|${validUntil}|${daysBefore}`;
}

function isDay(value: unknown): value is string {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
}
