/**
 * `npm run cli -- <command>`: operations on the platform's data.
 * The CLI acts as the bureau (audit entries say "cli"). With the embedded
 * database it needs the server stopped: PGlite allows one process at a time.
 */
import { parseArgs } from "node:util";
import { startPlatform, type Platform } from "~/server/platform";
import { log } from "~/utils/logger.server";
import { commands, type Command } from "./commands";

const usage = `Usage: npm run cli -- <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, command]) => `  ${name.padEnd(22)} ${command.summary}`)
  .join("\n")}
`;

async function main(argv: string[]) {
  const [name, ...rest] = argv;
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
    platform = await startPlatform(`cli ${name}`, { search: command.needsSearch ?? false });
    return await command.run({ values: parsed.values, positionals: parsed.positionals });
  } catch (error) {
    log.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    await platform?.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
