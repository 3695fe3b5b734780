/**
 * `npm run cli -- <command>`: operations on the platform's data.
 * The CLI acts as the bureau (audit entries say "cli"). With the embedded
 * database it needs the server stopped: PGlite allows one process at a time.
 */
import { parseArgs } from "node:util";
import type { Platform } from "~/server/platform";
import { log } from "~/utils/logger.server";
import type { Command } from "./commands";
import { scheduleFileCommand } from "./schedule-file";

/** Commands that open neither database nor search engine: run without loading either. */
const standalone: Record<string, Command> = { "schedule-file": scheduleFileCommand };

const usageOf = (commands: Record<string, Command>) => `Usage: npm run cli -- <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, command]) => `  ${name.padEnd(22)} ${command.summary}`)
  .join("\n")}
`;

async function main(argv: string[]) {
  const [name, ...rest] = argv;
  if (name && Object.hasOwn(standalone, name)) return runStandalone(standalone[name], rest);
  const { commands: platformCommands } = await import("./commands");
  const commands = { ...platformCommands, ...standalone };
  const usage = usageOf(commands);
  if (!name || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(usage);
    return 0;
  }
  const command: Command | undefined = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${usage}`);
    return 2;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options: command.options ?? {}, allowPositionals: true, strict: true });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${command.usage}\n`);
    return 2;
  }
  let platform: Platform | undefined;
  try {
    const { startPlatform } = await import("~/server/platform");
    platform = await startPlatform(`cli ${name}`, { search: command.needsSearch ?? false });
    return await command.run({ values: parsed.values, positionals: parsed.positionals });
  } catch (error) {
    log.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    await platform?.stop();
  }
}

async function runStandalone(command: Command, args: string[]) {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options: command.options ?? {}, allowPositionals: true, strict: true });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${command.usage}\n`);
    return 2;
  }
  return command.run({ values: parsed.values, positionals: parsed.positionals });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
