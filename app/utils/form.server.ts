import { parseWithZod } from "@conform-to/zod";
import { json } from "@remix-run/node";
import type { ZodTypeAny } from "zod";
import { log } from "./logger.server";
import {
  checkFieldNames,
  CONFORM_INTENT,
  declaredShape,
  fitPath,
  parseFieldName,
  stripControlCharacters,
  type FormProblem,
  type FormProblemCode,
} from "./form-fields";

/**
 * The one boundary every posted form crosses (issue 14, issue 15): the body
 * must be a form, its field names are bounded before anything builds a
 * structure from them, and control characters leave its text values.
 * Refusals are Responses whose data names a message of the `common`
 * namespace, which the error page shows in the reader's language.
 */

export type FormRefusalCode = FormProblemCode | "notAForm" | "unreadable";

export function formRefusal(code: FormRefusalCode, status = 400): Response {
  return json({ messageKey: `errors.form.${code}` }, { status });
}

/** The posted form, bounded and cleaned; 415 when the body is not a form, 400 when it is hostile or broken. */
export async function readFormData(request: Request): Promise<FormData> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data")) {
    throw formRefusal("notAForm", 415);
  }
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    throw formRefusal("unreadable");
  }
  return guardFormData(formData, request);
}

/**
 * The generic bounds and the cleaning, for a form read by any means
 * (multipart parsers included). Throws a 400 refusal.
 */
export function guardFormData(formData: FormData, request?: Request): FormData {
  assertFieldNames(formData, request);
  const cleaned = new FormData();
  // Files keep their own object (a file on disk stays on disk); their names are cleaned where they are stored.
  for (const [name, value] of formData) cleaned.append(name, typeof value === "string" ? stripControlCharacters(value) : value);
  return cleaned;
}

/** The generic bounds alone, for a form whose values are read one by one. */
export function assertFieldNames(formData: FormData, request?: Request) {
  const problem = checkFieldNames(formData.keys());
  if (problem) refuse(problem, request);
}

function refuse(problem: FormProblem, request?: Request): never {
  log.warn("form refused", { code: problem.code, field: problem.field, path: request ? new URL(request.url).pathname : undefined });
  throw formRefusal(problem.code);
}

/**
 * Conform's parse, given only the fields the schema declares: a name the
 * schema does not know (`productIds.x` where productIds is a list) is
 * dropped, and a list index beyond the list's declared length is refused,
 * so validation and the page that shows the result stay bounded.
 */
export function parseSubmission<Schema extends ZodTypeAny>(formData: FormData, options: { schema: Schema }) {
  return parseWithZod(declaredFields(formData, options.schema), options);
}

export function declaredFields(formData: FormData, schema: ZodTypeAny): FormData {
  const shapes = declaredShape(schema);
  const kept = new FormData();
  for (const [name, value] of formData) {
    if (name === CONFORM_INTENT) {
      kept.append(name, value);
      continue;
    }
    const path = parseFieldName(name);
    if (!path) throw formRefusal("badFieldName");
    const fit = fitPath(shapes, path);
    if (fit === "listTooLong") throw formRefusal("listTooLong");
    if (fit === "declared") kept.append(name, value);
  }
  return kept;
}
