/**
 * What changed between two texts of a notice (issue 11: a notice edited
 * after sending keeps its history and the firm sees what changed), pure:
 * a line diff by longest common subsequence. Chinese text has no spaces, so
 * lines (paragraphs) are the unit; beyond a bound of work the diff says the
 * whole text was replaced rather than spending seconds on it.
 */
export type DiffLine = { kind: "same" | "added" | "removed"; text: string };

/** Above this many line pairs the texts are shown as replaced whole. */
export const MAX_DIFF_CELLS = 4_000_000;

const linesOf = (text: string) => (text === "" ? [] : text.replace(/\r\n?/g, "\n").split("\n"));

export function diffLines(before: string, after: string): DiffLine[] {
  const a = linesOf(before);
  const b = linesOf(after);
  if (a.length * b.length > MAX_DIFF_CELLS) {
    return [...a.map((text) => ({ kind: "removed" as const, text })), ...b.map((text) => ({ kind: "added" as const, text }))];
  }
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lengths = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ kind: "same", text: a[i] });
      i++;
      j++;
    } else if (lengths[i + 1][j] >= lengths[i][j + 1]) {
      out.push({ kind: "removed", text: a[i++] });
    } else {
      out.push({ kind: "added", text: b[j++] });
    }
  }
  while (i < a.length) out.push({ kind: "removed", text: a[i++] });
  while (j < b.length) out.push({ kind: "added", text: b[j++] });
  return out;
}

export interface TextVersion {
  version: number;
  title: string;
  body: string;
  /** When this text became current (the sending for version 1, the edit for the others). */
  since: Date;
}

export interface VersionChange {
  /** The version the change produced (2 for the first edit). */
  version: number;
  at: Date;
  titleBefore: string | null;
  titleAfter: string | null;
  body: DiffLine[];
}

/**
 * The changes from one version to the next, newest first; unchanged titles
 * are left out, and an edit that changed nothing in this language says so
 * by an empty body diff without added or removed lines.
 */
export function changesBetween(versions: TextVersion[]): VersionChange[] {
  const sorted = [...versions].sort((x, y) => x.version - y.version);
  const changes: VersionChange[] = [];
  for (let index = 1; index < sorted.length; index++) {
    const before = sorted[index - 1];
    const after = sorted[index];
    const titleChanged = before.title !== after.title;
    changes.push({
      version: after.version,
      at: after.since,
      titleBefore: titleChanged ? before.title : null,
      titleAfter: titleChanged ? after.title : null,
      body: diffLines(before.body, after.body),
    });
  }
  return changes.reverse();
}

/** Whether an edit changes anything at all (every language, title and body). */
export function textsDiffer(before: Record<string, string | undefined>, after: Record<string, string | undefined>): boolean {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].some((key) => (before[key] ?? "").trim() !== (after[key] ?? "").trim());
}
