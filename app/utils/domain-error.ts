/**
 * The one error a domain module throws when a use case is refused: a stable
 * `code`, the HTTP `status` it maps to, the translation key of its message,
 * and the form field it belongs to (none: an error of the whole form).
 *
 * Modules never build HTTP responses; routes turn a DomainError into a
 * response or a form reply with `domainErrorReply` / `throwDomainError`
 * (utils/domain-error.server.ts). Expected outcomes that are not errors
 * (nothing found, a problem listed in a report) stay typed return values.
 */
export class DomainError<Code extends string = string> extends Error {
  readonly code: Code;
  readonly status: number;
  readonly messageKey: string;
  readonly field?: string;
  readonly params?: Record<string, string | number>;

  constructor(code: Code, options: { status: number; messageKey: string; field?: string; params?: Record<string, string | number> }) {
    super(code);
    this.name = "DomainError";
    this.code = code;
    this.status = options.status;
    this.messageKey = options.messageKey;
    this.field = options.field;
    this.params = options.params;
  }
}

/** Nothing of that id (or nothing the caller may know of): 404, the error page's message. */
export const notFoundError = (code = "notFound") => new DomainError(code, { status: 404, messageKey: "common:errors.notFound.body" });

/** The caller may not do this to that record: 403, the error page's message. */
export const forbiddenError = (code = "forbidden") => new DomainError(code, { status: 403, messageKey: "common:errors.forbidden.body" });

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
