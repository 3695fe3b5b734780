import { DateTime } from "luxon";

/**
 * What the call form sends, made ready for CallSchema: the opening and the
 * deadline are typed as local times where the fair is held (a
 * `datetime-local` input has no zone) and become instants in that zone;
 * empty rows of the booth types and documents lists (the form shows spare
 * ones) are left out and the others renumbered. Pure.
 */

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** "2026-09-30T18:00" typed in the fair's zone, as an ISO instant; anything else is returned as typed (the schema refuses it). */
export function fromZonedInput(value: string, zone: string): string {
  if (!LOCAL.test(value)) return value;
  const local = DateTime.fromISO(value, { zone });
  return local.isValid ? local.toISO()! : value;
}

/** An instant as the `datetime-local` value in the fair's zone. */
export function toZonedInput(value: Date | string, zone: string): string {
  const instant = DateTime.fromJSDate(typeof value === "string" ? new Date(value) : value).setZone(zone);
  return instant.isValid ? instant.toFormat("yyyy-MM-dd'T'HH:mm") : "";
}

const ROW = /^(\w+)\[(\d+)\](?:\.(\w+))?$/;

/** Drops the rows of `lists` whose every value is empty, and renumbers the rest from 0. */
export function compactRows(formData: FormData, lists: readonly string[]): FormData {
  const rows = new Map<string, Map<number, [string, FormDataEntryValue][]>>();
  const out = new FormData();
  for (const [name, value] of formData) {
    const match = ROW.exec(name);
    if (!match || !lists.includes(match[1])) {
      out.append(name, value);
      continue;
    }
    const list = rows.get(match[1]) ?? new Map<number, [string, FormDataEntryValue][]>();
    rows.set(match[1], list);
    const index = Number(match[2]);
    const entries = list.get(index) ?? [];
    entries.push([match[3] ?? "", value]);
    list.set(index, entries);
  }
  for (const [listName, list] of rows) {
    let next = 0;
    for (const index of [...list.keys()].sort((a, b) => a - b)) {
      const entries = list.get(index)!;
      if (entries.every(([, value]) => typeof value === "string" && !value.trim())) continue;
      for (const [field, value] of entries) out.append(field ? `${listName}[${next}].${field}` : `${listName}[${next}]`, value);
      next += 1;
    }
  }
  return out;
}

/** The call form, ready for the schema: rows compacted, local times placed in the fair's zone. */
export function prepareCallForm(formData: FormData, zone: string): FormData {
  const out = compactRows(formData, ["boothTypes", "documentsAsked"]);
  for (const field of ["opensAt", "deadline"]) {
    const value = out.get(field);
    if (typeof value === "string") out.set(field, fromZonedInput(value, zone));
  }
  return out;
}
