import fs from "node:fs";
import path from "node:path";

/**
 * Integration tests load the Remix build (build/index.js), not app/: a build
 * older than the code would test yesterday's app. The newest file of app/
 * (tests aside: Remix doesn't build them) and remix.config.js must be older
 * than the build, or the run stops here with what to do.
 */
export function staleBuildProblem(root: string): string | undefined {
  const build = path.join(root, "build", "index.js");
  if (!fs.existsSync(build)) return "There is no build/index.js. Run `npm run build` first (`npm test` does it for you).";
  const builtAt = fs.statSync(build).mtimeMs;
  const newer = [path.join(root, "remix.config.js"), ...sourceFiles(path.join(root, "app"))].filter((file) => fs.statSync(file).mtimeMs > builtAt);
  if (!newer.length) return undefined;
  const shown = newer.slice(0, 5).map((file) => `  ${path.relative(root, file)}`);
  return [
    `build/ is older than ${newer.length} file(s) it is built from:`,
    ...shown,
    ...(newer.length > shown.length ? [`  … and ${newer.length - shown.length} more`] : []),
    "Integration tests run the build, not app/. Run `npm run build` first (`npm test` does it for you).",
  ].join("\n");
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((entry) => {
    if (!entry.isFile() || /\.test\.tsx?$/.test(entry.name)) return [];
    return [path.join(entry.parentPath, entry.name)];
  });
}
