/** Minimal structured logging to stdout (one JSON object per line in production). */
type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

function threshold(): number {
  const level = (process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info")) as Level | "silent";
  return order[level] ?? order.info;
}

function write(level: Level, message: string, fields?: Record<string, unknown>) {
  if (order[level] < threshold()) return;
  let line: string;
  if (process.env.NODE_ENV === "production") {
    line = JSON.stringify({ time: new Date().toISOString(), level, message, ...fields });
  } else {
    const extra = fields && Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : "";
    line = `[ponte] ${level.padEnd(5)} ${message}${extra}`;
  }
  // Errors go through console.error (still stderr, one line): the test guard
  // watches it, so a test that makes the app log an error fails unless it
  // expects the error (test/support/logged-errors.ts).
  if (level === "error") console.error(line);
  else (level === "warn" ? process.stderr : process.stdout).write(`${line}\n`);
}

export const log = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};
