import type { ParseArgsConfig } from "node:util";
import { scaleFor, seedDemo } from "../../prisma/seed/seed.server";
import { createStaffAccount, EmailTakenError } from "~/modules/user/user.server";
import { CreateStaffSchema } from "~/modules/user/user.schema";
import { prisma } from "~/utils/db.server";

export interface CommandContext {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export interface Command {
  summary: string;
  usage: string;
  options?: ParseArgsConfig["options"];
  /** Whether the command needs Meilisearch running. */
  needsSearch?: boolean;
  run(context: CommandContext): Promise<number>;
}

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

export const commands: Record<string, Command> = {
  migrate: {
    summary: "apply pending database migrations (also done at every start)",
    usage: "npm run cli -- migrate",
    // startPlatform has applied them already.
    run: async () => {
      out("Database is up to date.");
      return 0;
    },
  },
  seed: {
    summary: "replace the demo data: --scale small|medium|large",
    usage: "npm run cli -- seed [--scale small|medium|large]",
    options: { scale: { type: "string", default: "small" } },
    run: async ({ values }) => {
      const scale = scaleFor(String(values.scale));
      const started = Date.now();
      await seedDemo(scale);
      out(`Seeded ${scale.firms} firms, ${scale.products} products, ${scale.buyers} buyers, ${scale.requests} requests in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      return 0;
    },
  },
  "create-user": {
    summary: "create a bureau staff or admin account",
    usage: "npm run cli -- create-user --email E --name N --role BUREAU_STAFF|ADMIN (password from PONTE_PASSWORD or --password)",
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string", default: "BUREAU_STAFF" },
      password: { type: "string" },
    },
    run: async ({ values }) => {
      const parsed = CreateStaffSchema.safeParse({
        email: values.email,
        displayName: values.name,
        role: values.role,
        password: values.password ?? process.env.PONTE_PASSWORD,
      });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) err(`${issue.path.join(".")}: ${issue.message.replace("validation:", "")}`);
        return 2;
      }
      try {
        const user = await createStaffAccount(parsed.data, { id: null, label: "cli" });
        out(`Created ${user.role} account ${user.email}.`);
        return 0;
      } catch (error) {
        if (error instanceof EmailTakenError) {
          err(`An account with ${parsed.data.email} already exists.`);
          return 1;
        }
        throw error;
      }
    },
  },
  stats: {
    summary: "print record counts",
    usage: "npm run cli -- stats",
    run: async () => {
      const [firms, products, buyers, requests, users] = await Promise.all([
        prisma.firm.count(),
        prisma.product.count(),
        prisma.buyerCompany.count(),
        prisma.sourcingRequest.count(),
        prisma.user.count(),
      ]);
      out(JSON.stringify({ firms, products, buyers, requests, users }));
      return 0;
    },
  },
};
