import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedEngine, type SearchEngine } from "~/modules/search/engine.server";
import { staleBuildProblem } from "./build-freshness";
import { createPgliteTemplate, createPostgresTemplate, dropPostgresDatabase, testDatabaseUrl } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
    meiliHost: string;
    meiliKey: string;
    testTmpDir: string;
  }
}

/**
 * Once per test run: refuse a stale build, migrate a template database and
 * start one real Meilisearch that every test file shares (each under its own
 * index prefix).
 */
export default async function setup(project: TestProject) {
  const stale = staleBuildProblem(project.config.root);
  if (stale) throw new Error(stale);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ponte-test-"));
  const url = testDatabaseUrl();
  const [template, engine] = await Promise.all([
    url ? createPostgresTemplate(url) : createPgliteTemplate(dir),
    startEmbeddedEngine({ dir: path.join(dir, "meili"), masterKey: "test-master-key-0123456789abcdef" }) as Promise<SearchEngine>,
  ]);
  project.provide("pgliteTemplate", url ? "" : template);
  project.provide("postgresTemplate", url ? template : "");
  project.provide("meiliHost", engine.host);
  project.provide("meiliKey", engine.masterKey);
  project.provide("testTmpDir", dir);

  return async () => {
    await engine.stop();
    if (url) await dropPostgresDatabase(url, template);
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
