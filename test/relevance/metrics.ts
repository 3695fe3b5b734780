/**
 * Ranking measures over graded judgments. Pure.
 *
 * - nDCG@k: DCG = Σ (2^grade − 1) / log2(rank + 1) over the first k results,
 *   divided by the DCG of the ideal ranking (every judged product, best
 *   grades first, cut at k). 1 means the best possible first page.
 * - recall@k: judged-relevant products (any grade ≥ 1) among the first k
 *   results, divided by min(k, number of judged-relevant products). The
 *   denominator is capped at k so that a query with 40 relevant products can
 *   still reach 1 with a full first page of them.
 * - precision@k: judged-relevant products among the first k results, divided
 *   by min(k, number of judged-relevant products): what the buyer sees at the
 *   top of the page (a ceiling fan ahead of ceiling lights costs here), with
 *   the same cap so a query with 3 relevant products can reach 1.
 */
export type Grades = ReadonlyMap<string, number>;

function dcg(gains: number[]): number {
  return gains.reduce((sum, grade, i) => sum + (2 ** grade - 1) / Math.log2(i + 2), 0);
}

/** Result ids once each, in order (a repeated id counts only where it first appears). */
function distinct(ranked: readonly string[]): string[] {
  return [...new Set(ranked)];
}

export function ndcgAt(k: number, ranked: readonly string[], grades: Grades): number {
  const ideal = dcg([...grades.values()].filter((grade) => grade > 0).sort((a, b) => b - a).slice(0, k));
  if (ideal === 0) return 0;
  return dcg(distinct(ranked).slice(0, k).map((id) => grades.get(id) ?? 0)) / ideal;
}

export function recallAt(k: number, ranked: readonly string[], grades: Grades): number {
  const relevant = [...grades.values()].filter((grade) => grade >= 1).length;
  if (relevant === 0) return 0;
  const found = distinct(ranked).slice(0, k).filter((id) => (grades.get(id) ?? 0) >= 1).length;
  return found / Math.min(k, relevant);
}

export function precisionAt(k: number, ranked: readonly string[], grades: Grades): number {
  const relevant = [...grades.values()].filter((grade) => grade >= 1).length;
  if (relevant === 0) return 0;
  const found = distinct(ranked).slice(0, k).filter((id) => (grades.get(id) ?? 0) >= 1).length;
  return found / Math.min(k, relevant);
}

export function mean(values: readonly number[]): number {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : 0;
}
