import crypto from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";

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
    return refuse(res, 403, "Cross-site request refused.");
  }
  const origin = req.get("Origin") ?? refererOrigin(req.get("Referer"));
  if (!origin) {
    // No browser sends a form without Origin/Referer any more; scripts and
    // the CLI must send one too.
    return refuse(res, 403, "Missing Origin header.");
  }
  const host = req.get("X-Forwarded-Host") && req.app.get("trust proxy") ? req.get("X-Forwarded-Host") : req.get("Host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return refuse(res, 403, "Bad Origin header.");
  }
  if (!host || originHost !== host) return refuse(res, 403, "Cross-site request refused.");
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
    if (req.get("Transfer-Encoding")) return refuse(res, 411, "Content-Length required.");
    return next();
  }
  const bytes = Number(length);
  if (!Number.isFinite(bytes) || bytes < 0) return refuse(res, 400, "Bad Content-Length.");
  if (bytes > max) return refuse(res, 413, "Request body too large.");
  next();
}

function refuse(res: Response, status: number, message: string) {
  res.status(status).type("text/plain; charset=utf-8").send(message);
}

/** A path that can't be decoded (a stray "%") is a bad request, not a crash downstream. */
export function validPath(req: Request, res: Response, next: NextFunction) {
  try {
    decodeURIComponent(req.path);
  } catch {
    return refuse(res, 400, "Bad request path.");
  }
  if (req.originalUrl.length > 8192) return refuse(res, 414, "URI too long.");
  next();
}
