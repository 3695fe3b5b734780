import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli";

/**
 * Requests that reach the bureau by mail: `export-user` and `delete-user`,
 * run as an operator runs them (a separate process on its own DATA_DIR).
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ponte-cli-privacy-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { DATA_DIR: dataDir, DATABASE_URL: "", MEILI_HOST: "", SEED_ON_EMPTY: "false", ...env });

describe("npm run cli -- export-user / delete-user", () => {
  it("exports a person's data to a JSON file, deletes the account, and then refuses both clearly", async () => {
    const email = "wang.fang@bureau.example";
    expect((await cli(["create-user", "--email", email, "--name", "王芳", "--role", "BUREAU_STAFF", "--password", "a good long password"])).code).toBe(0);

    const file = path.join(dataDir, "wang-fang.json");
    const exported = await cli(["export-user", "--email", "Wang.Fang@Bureau.example", file]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain(`Exported the data of Wang.Fang@Bureau.example to ${file}`);
    const data = JSON.parse(fs.readFileSync(file, "utf8")) as { format: string; account: { email: string; displayName: string; role: string }; auditEvents: { action: string }[] };
    expect(data.format).toBe("ponte.personal-data/1");
    expect(data.account).toMatchObject({ email, displayName: "王芳", role: "BUREAU_STAFF" });
    expect(data.auditEvents.map((event) => event.action)).toContain("create-staff");
    expect(JSON.stringify(data)).not.toContain("argon2");

    const deleted = await cli(["delete-user", "--email", email]);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.stdout).toMatch(/Deleted the account of wang\.fang@bureau\.example: .* the audit trail now names it deleted-[0-9a-f]{16}\./);

    const again = path.join(dataDir, "again.json");
    const exportGone = await cli(["export-user", "--email", email, again]);
    expect(exportGone.code).toBe(1);
    expect(exportGone.stderr).toContain(`No account with the e-mail ${email} (it may have been deleted already).`);
    expect(fs.existsSync(again)).toBe(false);
    const deleteGone = await cli(["delete-user", "--email", email]);
    expect(deleteGone.code).toBe(1);
    expect(deleteGone.stderr).toContain("No account with the e-mail");
  }, 180_000);

  it("refuses to delete the last admin", async () => {
    const admin = "only.admin@bureau.example";
    expect((await cli(["create-user", "--email", admin, "--name", "Admin", "--role", "ADMIN", "--password", "a good long password"])).code).toBe(0);
    const refused = await cli(["delete-user", "--email", admin]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("is the platform's last administrator: create another administrator first.");
    expect((await cli(["export-user", "--email", admin, path.join(dataDir, "admin.json")])).code).toBe(0);
  }, 120_000);
});
