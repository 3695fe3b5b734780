import { DateTime } from "luxon";
/**
 * Zhongshan's time zone. Every date Ponte shows, and every calendar day a
 * filter reads ("from 2026-10-22"), is in it, whoever is reading.
 */
export const ZHONGSHAN_TIME_ZONE = "Asia/Shanghai";

/** Midnight at the start of a calendar day ("2026-10-22") in Zhongshan. */
export function startOfZhongshanDay(day: string): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  return new Date(utcMidnight.getTime() - offsetMs(utcMidnight));
}

/** The zone's offset from UTC at an instant, from Intl (never a hand-made +08:00). */
function offsetMs(at: Date): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone: ZHONGSHAN_TIME_ZONE, timeZoneName: "longOffset" })
    .formatToParts(at)
    .find((part) => part.type === "timeZoneName")?.value;
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name ?? "");
  if (!match) return 0;
  return (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000;
}

/** The calendar day ("2026-12-04") it is in Zhongshan at an instant. */
export function zhongshanDay(at: Date = new Date()): string {
  return DateTime.fromJSDate(at, { zone: ZHONGSHAN_TIME_ZONE }).toISODate() ?? at.toISOString().slice(0, 10);
}
