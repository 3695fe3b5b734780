import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { z } from "zod";

/**
 * Server configuration, read once from the environment and validated.
 * Only `getPublicEnv()` values may reach the browser.
 */
const schema = z.object({
  NODE_ENV: z.enum(["production", "development", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z.string().optional(),
  MEILI_HOST: z.string().url().optional(),
  MEILI_MASTER_KEY: z.string().optional(),
  MEILI_INDEX_PREFIX: z.string().regex(/^[a-zA-Z0-9_-]*$/).default(""),
  /** Memory the bundled Meilisearch may use for indexing (its own default is two thirds of the machine's). */
  MEILI_MAX_INDEXING_MEMORY: z.string().regex(/^\d+\s*(B|KiB|MiB|GiB|KB|MB|GB)$/, "a size such as 1GiB").default("1GiB"),
  SESSION_SECRET: z.string().min(32).optional(),
  /** Number of proxy hops whose X-Forwarded-For is trusted (0 = none). */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** Serve cookies with the Secure flag and __Host- prefix, and send HSTS. */
  SECURE_COOKIES: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true")),
  PUBLIC_URL: z.string().url().optional(),
  SEED_ON_EMPTY: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  /** smtp://user:pass@host:587 (smtps:// for TLS); unset: mails are written to DATA_DIR/mail as .eml files. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://").optional(),
  MAIL_FROM: z.string().default("Ponte <no-reply@ponte.local>"),
  /** Serve the page that lists the .eml files even in production (never needed with SMTP_URL). */
  MAIL_DEV_PAGE: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  /** S3-compatible object storage for uploads (all of endpoint, bucket and keys, or none: DATA_DIR/uploads). */
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_REGION: z.string().default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** A LibreTranslate server (e.g. http://127.0.0.1:5000); unset: nothing is machine-translated. */
  TRANSLATE_URL: z.string().url().optional(),
  TRANSLATE_API_KEY: z.string().optional(),
  /** How long one call to the translation engine may take. */
  TRANSLATE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
}).superRefine((env, ctx) => {
  // Half an S3 configuration would silently store uploads on the local disk.
  const s3 = [env.S3_ENDPOINT, env.S3_BUCKET, env.S3_ACCESS_KEY_ID, env.S3_SECRET_ACCESS_KEY];
  if (s3.some(Boolean) && !s3.every(Boolean)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["S3_ENDPOINT"], message: "S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together" });
  }
});

export type Env = z.infer<typeof schema> & {
  dataDir: string;
  sessionSecret: string;
  secureCookies: boolean;
};

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  // An empty variable means "not set" (as in `MEILI_HOST= npm start`).
  const defined = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ""));
  const parsed = schema.safeParse(defined);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}`);
  }
  const env = parsed.data;
  const dataDir = path.resolve(env.DATA_DIR);
  const secureCookies = env.SECURE_COOKIES ?? env.NODE_ENV === "production";
  cached = {
    ...env,
    dataDir,
    secureCookies,
    sessionSecret: env.SESSION_SECRET ?? readOrCreateSecret(dataDir, "session-secret"),
  };
  return cached;
}

/** For tests that change the environment between cases. */
export function resetEnvCache() {
  cached = undefined;
}

/**
 * A secret generated on first use and kept in DATA_DIR (mode 0600), so the
 * embedded setup needs no configuration and survives restarts.
 */
export function readOrCreateSecret(dataDir: string, name: string): string {
  const file = path.join(dataDir, "secrets", name);
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const secret = crypto.randomBytes(32).toString("base64url");
  try {
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return fs.readFileSync(file, "utf8").trim();
    throw error;
  }
}
