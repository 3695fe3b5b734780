import fs from "node:fs";
import path from "node:path";
import type { ParseArgsConfig } from "node:util";
import { scaleFor, seedDemo } from "../../prisma/seed/seed.server";
import { createStaffAccount } from "~/modules/user/user.server";
import { isDomainError } from "~/utils/domain-error";
import { CreateStaffSchema } from "~/modules/user/user.schema";
import { prisma } from "~/utils/db.server";
import { importKinds, type ImportKind } from "~/modules/import/columns";
import { runImport } from "~/modules/import/import.server";
import { exportToFile, type ExportFormat } from "~/modules/import/export.server";
import { describeIssue, describeMapping } from "~/modules/import/report";
import { getFixedT } from "~/i18n/i18next.server";
import { matchLocale } from "~/i18n/config";
import { reindexAll, type ReindexReport } from "~/modules/search/reindex.server";
import { indexKeys, type IndexKey } from "~/modules/search/indexes.server";
import { sendDeadlineReminders } from "~/modules/delegation/reminders.server";
import { sendMeetingReminders } from "~/modules/meeting/reminders.server";
import { sendFollowUpReminders } from "~/modules/meeting/followup-reminders.server";
import { privacyCommands } from "./privacy-commands";
import { heldFirmCommands } from "./held-firm-commands";

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
    // The seed writes no outbox rows: the indexes are rebuilt after it.
    needsSearch: true,
    run: async ({ values }) => {
      const scale = scaleFor(String(values.scale));
      const started = Date.now();
      await seedDemo(scale);
      out(`Seeded ${scale.firms} firms, ${scale.products} products, ${scale.buyers} buyers, ${scale.requests} requests in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      await reindexAll(indexKeys, printReindex);
      return 0;
    },
  },
  reindex: {
    summary: "rebuild the search indexes from the database and swap them in (no downtime)",
    usage: `npm run cli -- reindex [--index ${indexKeys.join("|")}]`,
    options: { index: { type: "string", multiple: true } },
    needsSearch: true,
    run: async ({ values }) => {
      const asked = (values.index as string[] | undefined) ?? [];
      const unknown = asked.filter((key) => !(indexKeys as string[]).includes(key));
      if (unknown.length) {
        err(`Unknown index ${unknown.join(", ")}. ${commands.reindex.usage}`);
        return 2;
      }
      const started = Date.now();
      await reindexAll(asked.length ? (asked as IndexKey[]) : indexKeys, printReindex);
      out(`Reindexed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
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
        if (isDomainError(error) && error.code === "emailTaken") {
          err(`An account with ${parsed.data.email} already exists.`);
          return 1;
        }
        throw error;
      }
    },
  },
  import: {
    summary: "import firms or products from CSV or XLSX, as the bureau (--dry-run checks only)",
    usage: "npm run cli -- import firms|products FILE [--dry-run] [--lang en|pt|zh-CN]",
    options: { "dry-run": { type: "boolean", default: false }, lang: { type: "string", default: "en" } },
    run: async ({ values, positionals }) => {
      const [kind, file, ...rest] = positionals;
      const locale = matchLocale(String(values.lang));
      if (!isImportKind(kind) || !file || rest.length || !locale) {
        err(commands.import.usage);
        return 2;
      }
      if (!fs.existsSync(file)) {
        err(`No such file: ${file}`);
        return 2;
      }
      const t = await getFixedT(locale, ["import"]);
      const dryRun = values["dry-run"] === true;
      // The CLI acts as the bureau: audit entries say "cli", imported firms are verified.
      const report = await runImport({ kind, file, fileName: path.basename(file), actor: { id: null, label: "cli" }, scope: { kind: "bureau" }, dryRun });
      for (const issue of report.issues) {
        const { where, message } = describeIssue(t, issue);
        err(`${where}: ${message}`);
      }
      if (report.issueCount > report.issues.length) err(`… ${report.issueCount - report.issues.length} more problems not listed.`);
      // Each reading the import made ("五金" → 五金锁具, HS 2017 → HS 2022), and the choices left to the firms.
      if (report.mappings.length) out(t("mapping.title"));
      for (const mapping of report.mappings) out(`  ${t("where.column", { column: mapping.column })}: ${describeMapping(t, mapping)}`);
      if (report.warningCount) out(`${t("mapping.warningsTitle")} ${t("mapping.warningCount", { count: report.warningCount })}`);
      for (const warning of report.warnings) {
        const { where, message } = describeIssue(t, warning);
        out(`  ${where}: ${message}`);
      }
      const seconds = (report.ms / 1000).toFixed(1);
      if (!report.accepted) {
        err(`Rejected ${file}: ${report.issueCount} problem(s) in ${report.rows} row(s). Nothing was imported.`);
        return 1;
      }
      const counts = `${report.created} new, ${report.updated} updated, ${report.unchanged} unchanged`;
      out(dryRun ? `Dry run of ${file}: ${report.rows} rows are valid (${counts}); nothing was saved. ${seconds} s.` : `Imported ${file}: ${report.rows} rows (${counts}) in ${seconds} s.`);
      return 0;
    },
  },
  export: {
    summary: "export firms or products to CSV or XLSX (by the file's extension), in the import format",
    usage: "npm run cli -- export firms|products FILE.xlsx|FILE.csv [--lang en|pt|zh-CN]",
    options: { lang: { type: "string", default: "en" } },
    run: async ({ values, positionals }) => {
      const [kind, file, ...rest] = positionals;
      const format = file?.toLowerCase().endsWith(".xlsx") ? "xlsx" : file?.toLowerCase().endsWith(".csv") ? "csv" : null;
      const locale = matchLocale(String(values.lang));
      if (!isImportKind(kind) || !file || !format || rest.length || !locale) {
        err(commands.export.usage);
        return 2;
      }
      const started = Date.now();
      const { rows } = await exportToFile(file, { kind, scope: { kind: "bureau" }, format: format as ExportFormat, locale });
      out(`Exported ${rows} ${kind} to ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      return 0;
    },
  },
  "remind-delegations": {
    summary: "remind eligible firms that have not applied to an open delegation call, its set number of days before the deadline (each firm once per call)",
    usage: "npm run cli -- remind-delegations",
    run: async () => {
      const run = await sendDeadlineReminders();
      out(`Reminded ${run.firmsReminded} firms about ${run.calls} calls.`);
      return 0;
    },
  },
  "remind-meetings": {
    summary: "remind both sides of each published fair meeting the evening before and 30 minutes before, in the reader's zone (each side once per meeting, time and kind)",
    usage: "npm run cli -- remind-meetings",
    run: async () => {
      const run = await sendMeetingReminders();
      out(`Reminded ${run.reminded} participants of ${run.meetings} upcoming meetings.`);
      return 0;
    },
  },
  "remind-followups": {
    summary: "remind firms to follow up each held fair meeting at 30, 90 and 180 days (each stage once per meeting; not when already answered)",
    usage: "npm run cli -- remind-followups",
    run: async () => {
      const run = await sendFollowUpReminders();
      out(`Sent ${run.reminded} follow-up reminders for ${run.meetings} held meetings.`);
      return 0;
    },
  },
  stats: {
    summary: "print record counts",
    usage: "npm run cli -- stats",
    run: async () => {
      const [towns, firms, products, buyers, requests, users] = await Promise.all([
        prisma.town.count(),
        prisma.firm.count(),
        prisma.product.count(),
        prisma.buyerCompany.count(),
        prisma.sourcingRequest.count(),
        prisma.user.count(),
      ]);
      out(JSON.stringify({ towns, firms, products, buyers, requests, users }));
      return 0;
    },
  },
  ...privacyCommands,
  ...heldFirmCommands,
};

function printReindex(report: ReindexReport) {
  out(`Indexed ${report.documents} documents into ${report.index} in ${(report.ms / 1000).toFixed(1)} s.`);
}

function isImportKind(value: string | undefined): value is ImportKind {
  return (importKinds as readonly string[]).includes(value ?? "");
}
