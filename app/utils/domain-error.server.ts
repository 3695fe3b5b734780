import { isDomainError, type DomainError } from "./domain-error";
import { apiError } from "./http.server";

/**
 * The one mapping of a refused use case (a DomainError) to HTTP: its status,
 * and its message in the form's error list (a field's, when it names one).
 * Messages are translation keys ("ns:key|param=value"), rendered by ErrorList.
 * Anything that is not a DomainError is rethrown untouched.
 */
type ReplyOptions = { formErrors?: string[]; fieldErrors?: Record<string, string[]>; hideFields?: string[] };

export function domainErrorMessage(error: DomainError): string {
  const params = Object.entries(error.params ?? {}).map(([name, value]) => `|${name}=${value}`);
  return error.messageKey + params.join("");
}

/** For a form: the conform reply carrying the error, and the status to answer with. */
export function domainErrorReply<Result>(
  error: unknown,
  submission: { reply(options?: ReplyOptions): Result },
  options: { hideFields?: string[] } = {},
): { result: Result; status: number } {
  if (!isDomainError(error)) throw error;
  // Not found is no form problem: the thing is gone, and the page says so as for a GET.
  if (error.status === 404) throwDomainError(error);
  const message = domainErrorMessage(error);
  const errors = error.field ? { fieldErrors: { [error.field]: [message] } } : { formErrors: [message] };
  return { result: submission.reply({ ...errors, ...options }), status: error.status };
}

/** Outside a form: the error as a plain-text Response of its status, thrown (for the error boundary). */
export function throwDomainError(error: unknown): never {
  if (!isDomainError(error)) throw error;
  const text = error.status === 404 ? "Not found" : error.status === 403 ? "Forbidden" : error.code;
  throw new Response(text, { status: error.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** For the JSON API: `{ error: { code, message } }` with the message translated by `t`. */
export function domainErrorApiResponse(error: unknown, t: (key: string, params?: Record<string, unknown>) => string) {
  if (!isDomainError(error)) throw error;
  return apiError(error.status, error.code, t(error.messageKey, error.params));
}
