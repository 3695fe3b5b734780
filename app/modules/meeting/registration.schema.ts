import { DateTime } from "luxon";
import { z } from "zod";
import { isValidTimeZone } from "./local-hours";

/**
 * A buyer's registration for meetings at one edition: the days attending
 * (calendar days in the fair's zone, inside the edition's dates), in person
 * or remote (a remote buyer gives a video link), their IANA time zone, the
 * languages they speak and whether they need a Portuguese–Chinese
 * interpreter. Shared by the form and the service; the edition's dates make
 * the schema (no I/O here).
 */
export const meetingModes = ["IN_PERSON", "REMOTE"] as const;
export type MeetingMode = (typeof meetingModes)[number];

/** Zones of the Portuguese-speaking buyers, offered first (then every IANA zone). */
export const suggestedTimeZones = [
  "America/Sao_Paulo",
  "Europe/Lisbon",
  "Africa/Luanda",
  "Africa/Maputo",
  "Asia/Dili",
  "Atlantic/Cape_Verde",
  "Africa/Bissau",
  "Africa/Sao_Tome",
  "Africa/Malabo",
  "Asia/Macau",
] as const;

export const MAX_LANGUAGES = 10;
export const VIDEO_LINK_MAX = 500;

const required = { required_error: "validation:required", invalid_type_error: "validation:required" };

/** The calendar days of an edition (YYYY-MM-DD), first to last. */
export function editionDays(startsOn: string, endsOn: string): string[] {
  const days: string[] = [];
  let day = DateTime.fromISO(startsOn, { zone: "utc" });
  const last = DateTime.fromISO(endsOn, { zone: "utc" });
  if (!day.isValid || !last.isValid) return days;
  // An edition lasts days, not months: the bound keeps a bad record from looping long.
  while (day <= last && days.length < 60) {
    days.push(day.toISODate()!);
    day = day.plus({ days: 1 });
  }
  return days;
}

export function registrationSchema(edition: { startsOn: string; endsOn: string }) {
  const allowed = new Set(editionDays(edition.startsOn, edition.endsOn));
  return z
    .object({
      days: z
        .array(z.string().max(10), required)
        .max(allowed.size || 1, "validation:tooMany")
        .default([])
        .refine((days) => days.length > 0, "meetings:errors.noDays")
        .refine((days) => days.every((day) => allowed.has(day)), "meetings:errors.dayOutsideFair")
        .transform((days) => [...new Set(days)].sort()),
      mode: z.enum(meetingModes, { errorMap: () => ({ message: "validation:required" }) }),
      timeZone: z
        .string(required)
        .max(64, "validation:tooLong")
        .refine((zone) => zone.includes("/") && isValidTimeZone(zone), "meetings:errors.timeZone"),
      videoLink: z.string().trim().max(VIDEO_LINK_MAX, "validation:tooLong").optional(),
      languages: z
        .array(z.string().regex(/^[a-z]{2}$/, "validation:invalid"))
        .max(MAX_LANGUAGES, "validation:tooMany")
        .default([])
        .refine((languages) => languages.length > 0, "meetings:errors.noLanguage"),
      needsInterpreter: z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean()).default(false),
    })
    .superRefine((value, ctx) => {
      if (value.mode !== "REMOTE") return;
      if (!value.videoLink) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["videoLink"], message: "meetings:errors.videoLinkRequired" });
        return;
      }
      if (!isHttpsUrl(value.videoLink)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["videoLink"], message: "meetings:errors.videoLink" });
    })
    .transform((value) => ({ ...value, videoLink: value.mode === "REMOTE" ? (value.videoLink ?? null) : null }));
}

export type RegistrationInput = z.output<ReturnType<typeof registrationSchema>>;

/** A video link is an https address of a host (no javascript:, no credentials in it). */
export function isHttpsUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === "https:" && url.hostname.includes(".") && !url.username && !url.password;
}
