import crypto from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";
import { hasControlCharacters } from "~/utils/form-fields";
import { refusalMessage, type RequestRefusal } from "./refusal";

/** Largest request body for ordinary forms and JSON. */
export const MAX_FORM_BYTES = 1024 * 1024;
/** Largest multipart upload (images, spreadsheets) including form overhead. */
export const MAX_UPLOAD_BYTES = 60 * 1024 * 1024;

/** A fresh nonce per response; inline scripts must carry it. */
export function cspNonce(_req: Request, res: Response, next: NextFunction) {
  res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
  next();
}

/** Content-Security-Policy (enforced), frame-ancestors, nosniff, and HSTS when serving securely. */
export function securityHeaders(options: { production: boolean; secure: boolean; httpsOnly: boolean }) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'"],
        "connect-src": options.production ? ["'self'"] : ["'self'", "ws://localhost:*", "ws://127.0.0.1:*"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        ...(options.httpsOnly ? { "upgrade-insecure-requests": [] } : {}),
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    strictTransportSecurity: options.secure ? { maxAge: 31536000, includeSubDomains: true } : false,
    xFrameOptions: { action: "deny" },
  });
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-site request forgery: a state-changing request must come from a page
 * of this site. Browsers send Origin on every cross-origin POST (and
 * Sec-Fetch-Site); a mismatch is refused before any action runs.
 */
export function sameOriginOnly(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method)) return next();
  const fetchSite = req.get("Sec-Fetch-Site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") {
    return refuse(res, 403, "crossSite");
  }
  const origin = req.get("Origin") ?? refererOrigin(req.get("Referer"));
  if (!origin) {
    // No browser sends a form without Origin/Referer any more; scripts and
    // the CLI must send one too.
    return refuse(res, 403, "missingOrigin");
  }
  const host = req.get("X-Forwarded-Host") && req.app.get("trust proxy") ? req.get("X-Forwarded-Host") : req.get("Host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return refuse(res, 403, "badOrigin");
  }
  if (!host || originHost !== host) return refuse(res, 403, "crossSite");
  next();
}

function refererOrigin(referer: string | undefined) {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}

/** Oversized bodies are refused before they are read. */
export function bodyLimit(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method)) return next();
  const length = req.get("Content-Length");
  const type = req.get("Content-Type") ?? "";
  const max = type.startsWith("multipart/form-data") ? MAX_UPLOAD_BYTES : MAX_FORM_BYTES;
  if (length === undefined) {
    if (req.get("Transfer-Encoding")) return refuse(res, 411, "lengthRequired");
    return next();
  }
  const bytes = Number(length);
  if (!Number.isFinite(bytes) || bytes < 0) return refuse(res, 400, "badLength");
  if (bytes > max) return refuse(res, 413, "tooLarge");
  next();
}

/** Bytes of a refused body we read and throw away, so the client sees our answer. */
const DISCARD_LIMIT = MAX_UPLOAD_BYTES + 1024 * 1024;

/**
 * Answers a request refused before Remix runs, in the reader's language
 * (JSON for /api/), having read and dropped what is left of its body.
 */
function refuse(res: Response, status: number, code: RequestRefusal) {
  const req = res.req;
  // Answering before the body is read makes the socket close under a client
  // that is still uploading, which it sees as a reset, not as our answer:
  // read the rest and drop it (never stored), up to a limit, then close.
  if (req && !req.complete && req.method !== "GET" && req.method !== "HEAD") {
    let discarded = 0;
    req.on("data", (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > DISCARD_LIMIT) req.destroy();
    });
    req.resume();
    res.set("Connection", "close");
  }
  const { locale, message } = refusalMessage(req, code);
  res.status(status).set("Content-Language", locale);
  if (req.path.startsWith("/api/")) res.json({ error: { code, message } });
  else res.type("text/plain; charset=utf-8").send(message);
}

/** A path that can't be decoded (a stray "%") is a bad request, not a crash downstream. */
export function validPath(req: Request, res: Response, next: NextFunction) {
  let decoded: string;
  try {
    decoded = decodeURIComponent(req.path);
  } catch {
    return refuse(res, 400, "badPath");
  }
  // No page, firm, product or fair is named with a control character, and
  // PostgreSQL refuses NUL in text: such a path names nothing (404), and no
  // loader ever sees it.
  if (hasControlCharacters(decoded)) return refuse(res, 404, "notFound");
  if (req.originalUrl.length > 8192) {
    // /api/ answers 400: a query too long for an API is a bad request (issue 3: HS suggest).
    return refuse(res, req.path.startsWith("/api/") ? 400 : 414, "uriTooLong");
  }
  next();
}

/**
 * Query parameters are the other half of what a request carries: control
 * characters in a name or a value (PostgreSQL refuses NUL in text) are
 * refused here, once, for every page and API, before any loader reads them.
 */
export function validQuery(req: Request, res: Response, next: NextFunction) {
  const at = req.originalUrl.indexOf("?");
  if (at === -1) return next();
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(req.originalUrl.slice(at + 1));
  } catch {
    return refuse(res, 400, "badPath");
  }
  for (const [name, value] of params) {
    if (hasControlCharacters(name) || hasControlCharacters(value)) return refuse(res, 400, "controlCharacters");
  }
  next();
}
