import { DateTime } from "luxon";

/**
 * The audit trail as a person reads it (pure: no I/O). An event's stored
 * `changes` become lines "field: before → after" with the field's own
 * label and its values as people know them (country names, not codes;
 * the town's name, not its id; dates in the zone that matters), and lists
 * are compared as sets: reordering them is no change.
 */

/** How a field's values are shown. Fields not listed are shown as text. */
export type ValueKind =
  | "text"
  | "localized"
  | "country"
  | "countries"
  | "languages"
  | "town"
  | "cluster"
  | "boolean"
  | "dateTime"
  | "enum"
  | "enums"
  | "certifications"
  | "contacts"
  | "list";

export const fieldKinds: Record<string, ValueKind> = {
  name: "localized",
  description: "localized",
  address: "localized",
  title: "localized",
  reason: "text",
  townId: "town",
  clusterId: "cluster",
  townIds: "list",
  clusterIds: "list",
  exportMarkets: "countries",
  markets: "countries",
  country: "country",
  destinationCountry: "country",
  languages: "languages",
  businessTypes: "enums",
  salesChannels: "enums",
  employeesBand: "enum",
  moqUnit: "enum",
  unit: "enum",
  status: "enum",
  visibility: "enum",
  verification: "enum",
  published: "boolean",
  verifiedAt: "dateTime",
  deadline: "dateTime",
  scheduledAt: "dateTime",
  certifications: "certifications",
  requiredCertifications: "list",
  contacts: "contacts",
  hsCodes: "list",
  keywords: "text",
  terms: "list",
  images: "list",
  aliases: "list",
  hsHeadings: "list",
};

/** What the reader's language and the reference data say about values. */
export interface Vocabulary {
  locale: string;
  /** IANA zone the times are shown in. */
  zone: string;
  countryName(code: string): string;
  languageName(code: string): string;
  townName(id: string): string | undefined;
  clusterName(id: string): string | undefined;
  /** A field's label; undefined when there is none (the field's own key is shown). */
  fieldLabel(field: string): string | undefined;
  /** The label of an enumerated value of a field, or undefined. */
  enumLabel(field: string, value: string): string | undefined;
  /** Text of a LocalizedText in the reader's language (with fallbacks). */
  localized(value: unknown): string;
  yes: string;
  no: string;
  /** Shown for an empty value. */
  empty: string;
}

export interface ChangeLine {
  field: string;
  label: string;
  /** "change": from → to; "value": a fact recorded with the event; "list": members added and removed. */
  kind: "change" | "value" | "list";
  from?: string;
  to?: string;
  value?: string;
  added?: string[];
  removed?: string[];
}

const MAX_TEXT = 160;

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/** A value in canonical form: object keys sorted, so `{a,b}` and `{b,a}` compare equal. */
export function canonical(value: unknown): string {
  if (value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonical(entry)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Members of `to` not in `from` and members of `from` not in `to`, each once. */
export function listDifference(from: readonly unknown[], to: readonly unknown[]): { added: unknown[]; removed: unknown[] } {
  const before = new Map(from.map((item) => [canonical(item), item]));
  const after = new Map(to.map((item) => [canonical(item), item]));
  return {
    added: [...after].filter(([key]) => !before.has(key)).map(([, item]) => item),
    removed: [...before].filter(([key]) => !after.has(key)).map(([, item]) => item),
  };
}

/** Equal as the reader sees it: key order and list order don't matter. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const { added, removed } = listDifference(a, b);
    return added.length === 0 && removed.length === 0;
  }
  return canonical(a ?? null) === canonical(b ?? null);
}

function isEmpty(value: unknown) {
  return value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
}

function isoDateTime(value: string, vocabulary: Vocabulary): string {
  const at = DateTime.fromISO(value, { zone: "utc" });
  if (!at.isValid) return value;
  const local = at.setZone(vocabulary.zone).setLocale(vocabulary.locale);
  // A bare calendar day (a deadline) has no time worth showing.
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return at.setLocale(vocabulary.locale).toLocaleString(DateTime.DATE_MED);
  return `${local.toLocaleString(DateTime.DATETIME_MED)} (${local.toFormat("ZZZZ")})`;
}

/** One member of a list or one value, as the reader knows it. */
export function showValue(field: string, value: unknown, vocabulary: Vocabulary): string {
  if (isEmpty(value)) return vocabulary.empty;
  const kind = fieldKinds[field] ?? "text";
  if (Array.isArray(value)) return value.map((item) => showValue(field, item, vocabulary)).join(", ");
  switch (kind) {
    case "localized":
      return typeof value === "object" ? clip(vocabulary.localized(value) || vocabulary.empty) : clip(String(value));
    case "country":
    case "countries":
      return typeof value === "string" ? vocabulary.countryName(value) : clip(canonical(value));
    case "languages":
      return typeof value === "string" ? vocabulary.languageName(value) : clip(canonical(value));
    case "town":
      return typeof value === "string" ? (vocabulary.townName(value) ?? value) : clip(canonical(value));
    case "cluster":
      return typeof value === "string" ? (vocabulary.clusterName(value) ?? value) : clip(canonical(value));
    case "boolean":
      return value === true ? vocabulary.yes : value === false ? vocabulary.no : String(value);
    case "dateTime":
      return typeof value === "string" ? isoDateTime(value, vocabulary) : String(value);
    case "enum":
    case "enums":
      return typeof value === "string" ? (vocabulary.enumLabel(field, value) ?? value) : clip(canonical(value));
    case "certifications":
      return certification(value, vocabulary);
    case "contacts":
      return contact(value);
    default:
      return clip(typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : canonical(value));
  }
}

function certification(value: unknown, vocabulary: Vocabulary): string {
  if (typeof value === "string") return value;
  if (!value || typeof value !== "object") return String(value);
  const { code, validUntil } = value as { code?: unknown; validUntil?: unknown };
  const name = typeof code === "string" ? code : canonical(value);
  return typeof validUntil === "string" && validUntil ? `${name} (${vocabulary.fieldLabel("validUntil") ?? "validUntil"}: ${isoDateTime(validUntil, vocabulary)})` : name;
}

function contact(value: unknown): string {
  if (!value || typeof value !== "object") return String(value);
  const parts = Object.values(value as Record<string, unknown>).filter((part): part is string => typeof part === "string" && part !== "");
  return clip(parts.join(" · "));
}

function isChange(value: unknown): value is { from?: unknown; to?: unknown } {
  return !!value && typeof value === "object" && !Array.isArray(value) && ("from" in value || "to" in value) && Object.keys(value).every((key) => key === "from" || key === "to");
}

function isListDelta(value: unknown): value is { added?: unknown[]; removed?: unknown[] } {
  return (
    !!value &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    ("added" in value || "removed" in value) &&
    Object.entries(value).every(([key, entry]) => (key === "added" || key === "removed") && Array.isArray(entry))
  );
}

/**
 * The stored `changes` of an event as lines to read. A list changed in
 * order only is no line; a changed list is its members added and removed.
 */
export function describeChanges(changes: unknown, vocabulary: Vocabulary): ChangeLine[] {
  if (!changes || typeof changes !== "object" || Array.isArray(changes)) return [];
  const lines: ChangeLine[] = [];
  for (const [field, raw] of Object.entries(changes as Record<string, unknown>)) {
    const label = vocabulary.fieldLabel(field) ?? field;
    const show = (value: unknown) => showValue(field, value, vocabulary);
    if (isChange(raw)) {
      const { from, to } = raw;
      if (sameValue(from, to)) continue;
      if (Array.isArray(from ?? []) && Array.isArray(to ?? []) && (Array.isArray(from) || Array.isArray(to))) {
        const { added, removed } = listDifference((from ?? []) as unknown[], (to ?? []) as unknown[]);
        lines.push({ field, label, kind: "list", added: added.map(show), removed: removed.map(show) });
        continue;
      }
      lines.push({ field, label, kind: "change", from: show(from), to: show(to) });
    } else if (isListDelta(raw)) {
      lines.push({ field, label, kind: "list", added: (raw.added ?? []).map(show), removed: (raw.removed ?? []).map(show) });
    } else {
      lines.push({ field, label, kind: "value", value: show(raw) });
    }
  }
  return lines;
}

/** Ids of towns and clusters the changes name, to look their names up once. */
export function referencedIds(changes: unknown): { towns: string[]; clusters: string[] } {
  const towns = new Set<string>();
  const clusters = new Set<string>();
  if (changes && typeof changes === "object" && !Array.isArray(changes)) {
    for (const [field, raw] of Object.entries(changes as Record<string, unknown>)) {
      const target = fieldKinds[field] === "town" ? towns : fieldKinds[field] === "cluster" ? clusters : null;
      if (!target) continue;
      const values = isChange(raw) ? [raw.from, raw.to] : [raw];
      for (const value of values) if (typeof value === "string") target.add(value);
    }
  }
  return { towns: [...towns], clusters: [...clusters] };
}

/**
 * The i18n keys naming an event's action, most specific first: the
 * record type's own wording ("trail.actions.product.update-by-bureau"),
 * then the action's, then a generic "changed".
 */
export function actionKeys(entityType: string, action: string): string[] {
  return [`trail.actionsByEntity.${entityType}.${action}`, `trail.actions.${action}`, "trail.actions.other"];
}
