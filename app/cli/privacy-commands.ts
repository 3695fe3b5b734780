import fs from "node:fs/promises";
import { isDomainError } from "~/utils/domain-error";
import { collectPersonalData, findAccountIdByEmail } from "~/modules/privacy/export.server";
import { deleteAccount } from "~/modules/privacy/deletion.server";
import type { Command } from "./commands";

/**
 * Requests that reach the bureau by mail (PIPL, LGPD, GDPR): a person's
 * export, and the deletion of their account, as the account page does them.
 */
const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

const refusals: Record<string, (email: string) => string> = {
  unknownAccount: (email) => `No account with the e-mail ${email} (it may have been deleted already).`,
  lastAdmin: (email) => `${email} is the platform's last administrator: create another administrator first.`,
};

/** A refused request in words, exit 1; anything else is rethrown. */
function refused(error: unknown, email: string): number {
  if (isDomainError(error) && refusals[error.code]) {
    err(refusals[error.code](email));
    return 1;
  }
  throw error;
}

export const privacyCommands: Record<string, Command> = {
  "export-user": {
    summary: "write everything Ponte holds about a person to a JSON file (a request by mail)",
    usage: "npm run cli -- export-user --email E FILE.json",
    options: { email: { type: "string" } },
    run: async ({ values, positionals }) => {
      const email = typeof values.email === "string" ? values.email : "";
      const [file, ...rest] = positionals;
      if (!email || !file || rest.length) {
        err(privacyCommands["export-user"].usage);
        return 2;
      }
      try {
        const { document, files } = await collectPersonalData(await findAccountIdByEmail(email));
        await fs.writeFile(file, `${JSON.stringify(document, null, 2)}\n`);
        out(`Exported the data of ${email} to ${file} (${files.length} file(s) listed; the account page's download includes them).`);
        return 0;
      } catch (error) {
        return refused(error, email);
      }
    },
  },
  "delete-user": {
    summary: "delete a person's account as they would from the account page (a request by mail)",
    usage: "npm run cli -- delete-user --email E",
    options: { email: { type: "string" } },
    run: async ({ values, positionals }) => {
      const email = typeof values.email === "string" ? values.email : "";
      if (!email || positionals.length) {
        err(privacyCommands["delete-user"].usage);
        return 2;
      }
      try {
        const report = await deleteAccount(await findAccountIdByEmail(email), { id: null, label: "cli" });
        out(
          `Deleted the account of ${email}: ${report.requestsDeleted} request(s) deleted, ${report.filesDeleted} file(s) removed from storage; the audit trail now names it ${report.pseudonym}.` +
            (report.heldFirmId ? ` Its firm (${report.heldFirmId}) had no other member: the bureau now holds it, unpublished.` : ""),
        );
        return 0;
      } catch (error) {
        return refused(error, email);
      }
    },
  },
};
