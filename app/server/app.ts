import type { Server } from "node:http";
import path from "node:path";
import express, { type NextFunction, type Request, type Response } from "express";
import compression from "compression";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { bodyLimit, cspNonce, sameOriginOnly, securityHeaders, validPath, validQuery } from "./security";
import { log } from "~/utils/logger.server";
import { installRouteMatchCache } from "./route-match-cache";
import { installServerRoutesCache } from "./server-routes-cache";
import { installStaticHandlerCache } from "./static-handler-cache";

export interface AppOptions {
  /** The Remix server build, or a function returning the current one (dev reloads). */
  build: ServerBuild | (() => Promise<ServerBuild>);
  production: boolean;
  secure: boolean;
  /** The public URL is https: ask browsers to upgrade every request. */
  httpsOnly?: boolean;
  trustProxy: number;
  publicDir?: string;
  assetsDir?: string;
}

/**
 * Keep idle connections open longer than clients and load balancers do
 * (Node's default is 5 s): otherwise a client reusing a connection as the
 * server closes it gets a reset instead of an answer.
 */
export function configureHttpServer(server: Server) {
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}

/**
 * An action that answers without reading the body (sign-out ignores its
 * form) leaves the rest of the body in the socket, and the next request on
 * that kept-alive connection is never parsed: the client waits forever. Once
 * the answer is sent, drop what is left (bodyLimit has already capped its size).
 */
function drainUnreadBody(req: Request, res: Response, next: NextFunction) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.once("finish", () => {
      if (req.complete || req.destroyed) return;
      // Remix's stream adapter stops pulling once nobody reads; detach it so
      // the dropped bytes are not buffered for a reader that never comes.
      req.removeAllListeners("data");
      req.on("data", () => {});
      req.resume();
    });
  }
  next();
}

/**
 * TRUST_PROXY set with no proxy in front: clients reach the server directly,
 * and any of them can forge X-Forwarded-For (and so reset the sign-in rate
 * limit, which counts per address). A proxy always sends the header, so a
 * request without it is the sign of that mistake: say so, once.
 */
function warnOnceWithoutForwardedFor(trustProxy: number) {
  let warned = false;
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!warned && req.get("X-Forwarded-For") === undefined) {
      warned = true;
      log.warn(
        "TRUST_PROXY is set, but a request arrived without X-Forwarded-For: is there really a reverse proxy in front? " +
          "Without one, a client can forge X-Forwarded-For and reset the sign-in rate limit; set TRUST_PROXY=0.",
        { trustProxy, socketAddress: req.socket.remoteAddress },
      );
    }
    next();
  };
}

/** The HTTP application: security middleware in front of the Remix request handler. */
export function createApp(options: AppOptions) {
  installRouteMatchCache();
  installServerRoutesCache();
  installStaticHandlerCache();
  const app = express();
  app.disable("x-powered-by");
  // Only trust X-Forwarded-For from the configured number of proxy hops;
  // otherwise req.ip is the socket's address and a forged header changes nothing.
  app.set("trust proxy", options.trustProxy);
  if (options.trustProxy > 0) app.use(warnOnceWithoutForwardedFor(options.trustProxy));

  app.use(cspNonce);
  app.use(securityHeaders({ production: options.production, secure: options.secure, httpsOnly: options.httpsOnly ?? false }));
  app.use(compression());

  const publicDir = options.publicDir ?? path.resolve("public");
  app.use("/build", express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y", index: false }));
  // Public files all have an extension: a path without one is a page or an
  // API call, and asking the disk about it would cost a stat per request.
  const publicFiles = express.static(publicDir, { maxAge: "1h", index: false });
  app.use((req, res, next) => (path.extname(req.path) ? publicFiles(req, res, next) : next()));
  app.get("/favicon.ico", (_req, res) => res.redirect(301, "/favicon.svg"));

  app.use(validPath);
  app.use(validQuery);
  app.use(bodyLimit);
  app.use(drainUnreadBody);
  app.use(sameOriginOnly);

  app.all(
    "*",
    createRequestHandler({
      build: options.build,
      mode: options.production ? "production" : "development",
      getLoadContext: (req, res) => ({
        cspNonce: res.locals.cspNonce as string,
        clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
      }),
    }),
  );

  // Anything that escaped Remix (it has its own error boundaries): a generic
  // page, never a stack trace.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    log.error("unhandled request error", { path: req.path, error: String((error as Error)?.stack ?? error) });
    if (res.headersSent) return res.end();
    res.status(500).type("text/plain; charset=utf-8").send("Something went wrong. Please try again later.");
  });
  return app;
}
