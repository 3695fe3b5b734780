import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort } from "~/modules/search/engine.server";
import { startSmtpServer } from "../../support/smtp";
import { startTestTranslator } from "../../support/libretranslate";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    serverDataDir: string;
    /** Where the test's SMTP server saves each mail it receives (.eml). */
    smtpMailDir: string;
  }
}

/**
 * Starts Ponte as `npm start` does (migrations, embedded Meilisearch, demo
 * seed on the empty database) in a fresh DATA_DIR, and stops it with SIGTERM
 * at the end, checking that no Meilisearch process is left behind.
 */
export default async function setup(project: TestProject) {
  // While writing a test: E2E_BASE_URL=http://localhost:3000 runs it against a server you started (and keep).
  if (process.env.E2E_BASE_URL) {
    project.provide("baseUrl", process.env.E2E_BASE_URL);
    project.provide("serverDataDir", process.env.E2E_DATA_DIR ?? "");
    project.provide("smtpMailDir", process.env.E2E_SMTP_DIR ?? "");
    return async () => {};
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ponte-e2e-"));
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const log = fs.openSync(path.join(dataDir, "server.log"), "a");
  // A real SMTP server: the platform mails through it, the tests read what arrived.
  const smtpMailDir = path.join(dataDir, "smtp-received");
  const smtp = await startSmtpServer({ saveTo: smtpMailDir });
  // A server speaking LibreTranslate's API stands in for the translation engine (marks each text "[zh] …").
  const translator = await startTestTranslator();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "app/server/main.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: "", MEILI_HOST: "", LOG_LEVEL: "info", SMTP_URL: smtp.url, MAIL_FROM: "Ponte <no-reply@ponte.test>", TRANSLATE_URL: translator.url },
    stdio: ["ignore", log, log],
  });
  // A first start seeds the demo data: two minutes on an idle machine, more on a busy one (E2E_START_TIMEOUT_S).
  const startSeconds = Number(process.env.E2E_START_TIMEOUT_S) || 120;
  const deadline = Date.now() + startSeconds * 1000;
  for (;;) {
    if (child.exitCode !== null) {
      await Promise.all([smtp.stop(), translator.stop()]);
      throw new Error(`Ponte exited with ${child.exitCode}; see ${dataDir}/server.log`);
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      await Promise.all([smtp.stop(), translator.stop()]);
      throw new Error(`Ponte did not start in ${startSeconds} s; see ${dataDir}/server.log`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  project.provide("baseUrl", baseUrl);
  project.provide("serverDataDir", dataDir);
  project.provide("smtpMailDir", smtpMailDir);

  return async () => {
    const meiliPid = Number(fs.readFileSync(path.join(dataDir, "meili", "meilisearch.pid"), "utf8"));
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
    await Promise.all([smtp.stop(), translator.stop()]);
    let alive = true;
    try {
      process.kill(meiliPid, 0);
    } catch {
      alive = false;
    }
    if (alive) {
      process.kill(meiliPid, "SIGKILL");
      throw new Error("Meilisearch was still running after the server stopped");
    }
    if (!process.env.KEEP_E2E_DATA) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
