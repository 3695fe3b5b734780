/**
 * Synonym groups as Meilisearch wants them. Pure. A group is a set of words
 * that mean the same thing, usually across languages ({灯饰, lighting,
 * iluminação}); Meilisearch takes a map from each word to the others.
 */
export type SynonymGroup = string[];

export const MAX_TERMS_PER_GROUP = 12;
export const MAX_TERM_LENGTH = 60;
/** Meilisearch matches a synonym of at most three words; a longer one never applies. */
export const MAX_WORDS_PER_TERM = 3;

/** A word as it is compared: trimmed, inner spaces collapsed, lower case (Chinese is unaffected). */
export function normalizeTerm(term: string): string {
  return term.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
}

/** Distinct normalized words of a group, in the order given. */
export function normalizeGroup(group: readonly string[]): SynonymGroup {
  return [...new Set(group.map(normalizeTerm).filter(Boolean))];
}

/**
 * Each word maps to every other word of every group it belongs to. Groups
 * sharing a word are not merged transitively: "lock" in {锁, lock} and in
 * {智能锁, smart lock} keeps the two meanings apart.
 */
export function synonymMap(groups: readonly (readonly string[])[]): Record<string, string[]> {
  const map = new Map<string, Set<string>>();
  for (const raw of groups) {
    const group = normalizeGroup(raw);
    if (group.length < 2) continue;
    for (const term of group) {
      const others = map.get(term) ?? new Set<string>();
      for (const other of group) if (other !== term) others.add(other);
      map.set(term, others);
    }
  }
  return Object.fromEntries([...map].sort(([a], [b]) => a.localeCompare(b)).map(([term, others]) => [term, [...others].sort()]));
}
