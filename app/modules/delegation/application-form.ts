import { z } from "zod";
import { MAX_ATTENDEES, MAX_PRODUCTS_SHOWN, type ApplicationInput } from "./call.schema";

/**
 * The firm's application form, as the page posts it: attendees are typed
 * one per line ("name, role"), so a list of 500 names is one field the
 * schema refuses with the count, keeping every line typed. Its output is
 * the service's ApplicationInput. Messages are keys of `participation`.
 */
export const ATTENDEE_LINE_MAX = 160;
export const NOTE_MAX = 2_000;
export const MAX_DOCUMENTS = 10;
/** The file inputs of the documents the call asks for: document-0, document-1... */
export const documentField = (index: number) => `document-${index}`;
export const documentFields = Array.from({ length: MAX_DOCUMENTS }, (_, index) => documentField(index));

export function parseAttendees(text: string): { name: string; role?: string }[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name, ...role] = line.split(/[,，;；]/);
      const rest = role.join(",").trim();
      return rest ? { name: name.trim(), role: rest } : { name: name.trim() };
    });
}

export const ApplicationFormSchema = z
  .object({
    boothTypeCode: z.string({ required_error: "participation:errors.boothTypeRequired" }).trim().min(1, "participation:errors.boothTypeRequired").max(20, "participation:errors.boothTypeRequired"),
    productIds: z
      .array(z.string().max(40))
      .min(1, "participation:errors.productsRequired")
      .max(MAX_PRODUCTS_SHOWN, `participation:errors.tooManyProducts|max=${MAX_PRODUCTS_SHOWN}`)
      .default([]),
    attendees: z.string({ required_error: "participation:errors.attendeesRequired" }).max(MAX_ATTENDEES * ATTENDEE_LINE_MAX * 60, "participation:errors.attendeesTooLong"),
    keepWithCluster: z.boolean().default(false),
    note: z.string().trim().max(NOTE_MAX, `participation:errors.noteTooLong|max=${NOTE_MAX}`).optional(),
  })
  .superRefine((form, ctx) => {
    const people = parseAttendees(form.attendees);
    if (people.length === 0) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["attendees"], message: "participation:errors.attendeesRequired" });
    else if (people.length > MAX_ATTENDEES) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["attendees"], message: `participation:errors.tooManyAttendees|max=${MAX_ATTENDEES}|count=${people.length}` });
    else if (people.some((person) => person.name.length > 80 || (person.role?.length ?? 0) > 80)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["attendees"], message: "participation:errors.attendeeTooLong|max=80" });
    }
  })
  .transform(
    (form): ApplicationInput => ({
      boothTypeCode: form.boothTypeCode,
      productIds: [...new Set(form.productIds)],
      attendees: parseAttendees(form.attendees).map((person) => ({ ...person, languages: [] })),
      keepWithCluster: form.keepWithCluster,
      note: form.note || undefined,
    }),
  );

/** The attendees as the textarea shows them again (edit form). */
export function attendeesText(attendees: unknown): string {
  if (!Array.isArray(attendees)) return "";
  return attendees
    .filter((person): person is { name: string; role?: string } => !!person && typeof person === "object" && typeof (person as { name?: unknown }).name === "string")
    .map((person) => (person.role ? `${person.name}, ${person.role}` : person.name))
    .join("\n");
}
