import { json } from "@remix-run/node";

/** Throws a Response with `status` unless `condition` holds. */
export function invariantResponse(
  condition: unknown,
  message: string,
  init: ResponseInit = { status: 400 },
): asserts condition {
  if (!condition) {
    throw new Response(message, { ...init, headers: { "Content-Type": "text/plain; charset=utf-8", ...init.headers } });
  }
}

/**
 * A redirect target that came from the user: only paths on this site.
 * `//evil.example`, `/\\evil.example` and absolute URLs fall back to `fallback`.
 * Characters a Location header can't carry (Chinese text, "∕") are
 * percent-encoded, so the answer never fails after the action has acted.
 */
export function safeRedirect(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (!target || typeof target !== "string") return fallback;
  if (!target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return fallback;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\\]/.test(target)) return fallback;
  return headerSafePath(target);
}

/** Percent-encodes what is outside printable ASCII (whole code points, so surrogate pairs stay paired). */
export function headerSafePath(target: string): string {
  // eslint-disable-next-line no-control-regex -- every character outside printable ASCII
  return target.replace(/[^\u0021-\u007e]/gu, (character) => {
    try {
      return encodeURIComponent(character);
    } catch {
      return "";
    }
  });
}

/** A JSON error body for /api routes: `{ error: { code, message } }`. */
export function apiError(status: number, code: string, message: string, headers?: HeadersInit) {
  return json({ error: { code, message } }, { status, headers });
}

export function notFound(message = "Not found"): never {
  throw new Response(message, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export function forbidden(message = "Forbidden"): never {
  throw new Response(message, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
