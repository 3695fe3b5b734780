import { isDomainError } from "~/utils/domain-error";
import { prisma } from "~/utils/db.server";
import { assignHeldFirm, closeHeldFirm } from "~/modules/bureau/held-firm.server";
import type { Command } from "./commands";

/**
 * The bureau's decision on a firm it holds after its last member deleted
 * their account (issue 14), as the bureau's page makes it:
 * `held-firm list`, `held-firm assign --firm ID|SLUG --email E`, `held-firm close --firm ID|SLUG`.
 */
const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

const usage = "npm run cli -- held-firm list | assign --firm ID|SLUG --email E | close --firm ID|SLUG";

const refusals: Record<string, string> = {
  notHeld: "The firm is not (or no longer) held by the bureau.",
  memberUnknown: "No active account with this e-mail.",
  memberNotFirm: "This account is not a firm account.",
  memberHasFirm: "This account already belongs to a firm that has products, inquiries or other members, or is verified.",
};

async function findFirmId(idOrSlug: string): Promise<string | null> {
  const firm = await prisma.firm.findFirst({ where: { OR: [{ id: idOrSlug }, { slug: idOrSlug }] }, select: { id: true } });
  return firm?.id ?? null;
}

export const heldFirmCommands: Record<string, Command> = {
  "held-firm": {
    summary: "list the firms the bureau holds, give one to a member, or close one",
    usage,
    options: { firm: { type: "string" }, email: { type: "string" } },
    run: async ({ values, positionals }) => {
      const [action, ...rest] = positionals;
      const firmArg = typeof values.firm === "string" ? values.firm : "";
      const email = typeof values.email === "string" ? values.email : "";
      if (rest.length || !action || !["list", "assign", "close"].includes(action) || (action !== "list" && !firmArg) || (action === "assign" && !email)) {
        err(usage);
        return 2;
      }
      if (action === "list") {
        const firms = await prisma.firm.findMany({ where: { heldByBureauSince: { not: null }, closedAt: null }, select: { id: true, slug: true, heldByBureauSince: true }, orderBy: { heldByBureauSince: "asc" } });
        for (const firm of firms) out(`${firm.id}\t${firm.slug}\theld since ${firm.heldByBureauSince!.toISOString()}`);
        if (firms.length === 0) out("The bureau holds no firm.");
        return 0;
      }
      const firmId = await findFirmId(firmArg);
      if (!firmId) {
        err(`No firm with the id or slug ${firmArg}.`);
        return 1;
      }
      try {
        if (action === "assign") {
          await assignHeldFirm(firmId, email, { id: null, label: "cli" });
          out(`The firm ${firmArg} now belongs to ${email} and is no longer held by the bureau.`);
        } else {
          const report = await closeHeldFirm(firmId, { id: null, label: "cli" });
          out(`Closed the firm ${firmArg}: ${report.productsDeleted} product(s) deleted, ${report.imagesDeleted} image(s) removed from storage.`);
        }
        return 0;
      } catch (error) {
        if (isDomainError(error) && refusals[error.code]) {
          err(refusals[error.code]);
          return 1;
        }
        throw error;
      }
    },
  },
};
