/**
 * Names of towns, clusters and certifications as people write them, folded
 * to one lookup key, and the nearest known name when nothing matches. Pure.
 *
 * Folding: NFKC (full-width "ＩＳＯ９００１" → "ISO9001"), tone marks stripped
 * ("Xiǎolǎn" → "xiaolan"), case, spaces, hyphens, dots, apostrophes and
 * middle dots dropped ("Xiao Lan", "xiao-lan"), tone numbers after pinyin
 * syllables dropped ("xiao3lan3"), and a trailing 镇 / "town" / "zhen" word
 * removed ("古镇镇", "Guzhen Town"). Certifications also drop a trailing
 * 认证 / "certification" ("CE认证", "CCC certificate").
 */
export type ReferenceKind = "town" | "cluster" | "certification";

const SEPARATORS = /[\s\-‐‑‒–—_.·・'’`/]+/g;
const TONE_MARKS = /[\u0300-\u036f]/g;

function base(text: string): string {
  return text.normalize("NFKC").normalize("NFD").replace(TONE_MARKS, "").normalize("NFC").toLowerCase().trim();
}

/** The lookup key of a name of `kind`; "" when nothing is left. */
export function foldName(text: string, kind: ReferenceKind = "town"): string {
  let folded = base(text).replace(/\s+/g, " ");
  if (kind === "certification") {
    folded = folded.replace(/\s*(认证|認證|certification|certificate|certified|mark|marking)$/u, "");
  } else {
    // "Guzhen Town", "Guzhen zhen", "古镇镇": the word for town is not part of the name.
    folded = folded.replace(/(?<=\S)\s+(town|township|zhen)$/u, "").replace(/(?<=\S{2})[镇鎮]$/u, "");
  }
  let key = folded.replace(SEPARATORS, "");
  // Pinyin with tone numbers ("xiao3lan3"): only for keys that are all letters and tone digits.
  if (kind !== "certification" && /^([a-z]+[1-5]?)+$/.test(key) && /[a-z][1-5]/.test(key)) key = key.replace(/(?<=[a-z])[1-5]/g, "");
  return key;
}

/** Edit distance over code points (small lists only). */
export function levenshtein(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[right.length];
}

export interface NamedEntry<T> {
  value: T;
  /** How the entry is shown in a suggestion to someone who wrote Chinese ("五金锁具"). */
  label: string;
  /** …and to someone who wrote Latin letters ("Hardware and locks"); `label` when absent. */
  latinLabel?: string;
  /** Its own names: in each language, its slug or code. */
  names: string[];
  /** Other names it is known by. */
  aliases?: string[];
}

export interface NameMatch<T> {
  value: T;
  label: string;
  /** Written exactly as one of its own names: nothing to report. */
  exact: boolean;
}

const HAN = /[\u3400-\u9fff]/u;

export interface NameConflict {
  key: string;
  name: string;
  labels: string[];
}

export interface NameIndex<T> {
  find(text: string): T | null;
  match(text: string): NameMatch<T> | null;
  /** The label of the known name nearest to `text`, when one is near enough to be a likely typo. */
  suggest(text: string): string | null;
  /** Keys two entries claim (the later entry was not given the key). */
  conflicts: NameConflict[];
}

/**
 * A lookup over the names of `entries` in one kind. A key two entries claim
 * belongs to the first one and is reported in `conflicts`.
 */
export function buildNameIndex<T>(kind: ReferenceKind, entries: NamedEntry<T>[]): NameIndex<T> {
  const byKey = new Map<string, { entry: NamedEntry<T>; name: string }>();
  const conflicts: NameConflict[] = [];
  const labelOf = (entry: NamedEntry<T>, text: string) => (HAN.test(text) ? entry.label : (entry.latinLabel ?? entry.label));
  for (const entry of entries) {
    for (const name of [...entry.names, ...(entry.aliases ?? [])]) {
      const key = foldName(name, kind);
      if (!key) continue;
      const held = byKey.get(key);
      if (!held) byKey.set(key, { entry, name });
      else if (held.entry !== entry) conflicts.push({ key, name, labels: [held.entry.label, entry.label] });
    }
  }
  const match = (text: string): NameMatch<T> | null => {
    const key = foldName(text, kind);
    const held = key ? byKey.get(key) : undefined;
    if (!held) return null;
    const written = text.trim();
    return { value: held.entry.value, label: labelOf(held.entry, written), exact: held.entry.names.includes(written) };
  };
  return {
    find: (text) => match(text)?.value ?? null,
    match,
    suggest(text) {
      const key = foldName(text, kind);
      if (!key) return null;
      let best: { label: string; score: number } | null = null;
      for (const [candidate, { entry }] of byKey) {
        // A name that starts with what was written, or contains it ("五金" in "五金锁具"), is the likeliest meaning.
        const contains = Math.min([...key].length, [...candidate].length) >= 2 && (candidate.includes(key) || key.includes(candidate));
        const distance = contains ? Math.abs([...candidate].length - [...key].length) * 0.1 : levenshtein(key, candidate);
        const length = Math.max([...key].length, [...candidate].length);
        // Han characters carry a word each: one wrong is already far; Latin names allow about a third.
        const allowed = contains ? Infinity : HAN.test(candidate) ? 1 : Math.max(1, Math.floor(length / 3));
        if (distance <= allowed && (!best || distance < best.score)) best = { label: labelOf(entry, text), score: distance };
      }
      return best?.label ?? null;
    },
    conflicts,
  };
}
