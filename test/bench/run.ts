/**
 * `npm run bench [-- name ...]`: runs the registered benchmarks (all, or
 * those named), prints a table and writes bench-results/<name>.json.
 * Exits non-zero when a figure misses its target.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchmarks } from "./registry";
import { meetsTarget, type Metric } from "./types";

process.env.NODE_ENV ??= "production";
process.env.LOG_LEVEL ??= "warn";

function targetText(metric: Metric) {
  const { min, max } = metric.target ?? {};
  if (max !== undefined) return `≤ ${max} ${metric.unit}`;
  if (min !== undefined) return `≥ ${min} ${metric.unit}`;
  return "";
}

function table(rows: string[][]) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join("  ")).join("\n");
}

async function main(names: string[]) {
  const unknown = names.filter((name) => !benchmarks.some((bench) => bench.name === name));
  if (unknown.length) {
    process.stderr.write(`Unknown benchmark(s): ${unknown.join(", ")}. Known: ${benchmarks.map((b) => b.name).join(", ")}\n`);
    return 2;
  }
  const selected = names.length ? benchmarks.filter((bench) => names.includes(bench.name)) : benchmarks;
  const outDir = path.resolve("bench-results");
  fs.mkdirSync(outDir, { recursive: true });
  const rows = [["benchmark", "metric", "value", "target", "ok"]];
  let failed = false;
  for (const entry of selected) {
    const bench = await entry.load();
    process.stdout.write(`▶ ${bench.name}: ${bench.description}\n`);
    const started = new Date();
    const result = await bench.run();
    const metrics = result.metrics.map((metric) => ({ ...metric, ok: meetsTarget(metric) }));
    for (const metric of metrics) {
      if (metric.ok === false) failed = true;
      rows.push([bench.name, metric.name, `${metric.value} ${metric.unit}`, targetText(metric), metric.ok === null ? "" : metric.ok ? "yes" : "NO"]);
    }
    const record = {
      name: bench.name,
      description: bench.description,
      startedAt: started.toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.arch()}` },
      metrics,
      details: result.details ?? {},
    };
    fs.writeFileSync(path.join(outDir, `${bench.name}.json`), `${JSON.stringify(record, null, 2)}\n`);
  }
  process.stdout.write(`\n${table(rows)}\n\nResults written to ${path.relative(process.cwd(), outDir)}/\n`);
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);
