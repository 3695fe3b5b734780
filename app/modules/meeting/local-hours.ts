import { DateTime, IANAZone } from "luxon";

/** Local hours a remote participant accepts when none are given: 07:00–22:00. */
export const DEFAULT_LOCAL_HOURS = { from: "07:00", to: "22:00" } as const;

export interface LocalHours {
  from: string;
  to: string;
}

const HH_MM = /^([01]\d|2[0-4]):([0-5]\d)$/;

export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

export function parseHhMm(value: string): number | null {
  const match = HH_MM.exec(value);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 24 * 60 ? minutes : null;
}

/**
 * Whether a slot (ISO times with offset) lies wholly inside the local hours
 * of a participant in `timeZone`. The zone's rules come from the ICU data
 * through luxon (daylight saving included), never from a hand-made offset.
 */
export function slotWithinLocalHours(start: string, end: string, timeZone: string, hours: LocalHours = DEFAULT_LOCAL_HOURS): boolean {
  const from = parseHhMm(hours.from);
  const to = parseHhMm(hours.to);
  if (from === null || to === null) return false;
  const localStart = DateTime.fromISO(start, { setZone: true }).setZone(timeZone);
  const localEnd = DateTime.fromISO(end, { setZone: true }).setZone(timeZone);
  if (!localStart.isValid || !localEnd.isValid) return false;
  const startMinutes = localStart.hour * 60 + localStart.minute;
  // A slot ending at local midnight counts as ending at 24:00 of its day.
  const endMinutes = localEnd.hasSame(localStart, "day") ? localEnd.hour * 60 + localEnd.minute : localEnd.hour === 0 && localEnd.minute === 0 && localEnd.diff(localStart, "hours").hours <= 24 ? 24 * 60 : Infinity;
  return startMinutes >= from && endMinutes <= to;
}

/** Milliseconds since the epoch of an ISO time with offset, or NaN. */
export function isoMillis(value: string): number {
  const time = DateTime.fromISO(value, { setZone: true });
  return time.isValid ? time.toMillis() : Number.NaN;
}
