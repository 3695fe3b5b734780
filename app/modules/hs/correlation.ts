/**
 * HS codes of earlier editions and national codes, read as HS 2022. Pure:
 * the correlation tables (UNSD, prisma/data/hs/hs2017-to-hs2022.csv and
 * hs2012-to-hs2022.csv) and the HS 2022 nomenclature come in as arguments.
 *
 * - An HS 2022 code is itself.
 * - An 8-digit NCM or a 10-digit Chinese tariff code keeps its full value
 *   (`nationalCode`) and is filed under its 6-digit subheading, itself read
 *   as below (NCM 2016 is built on HS 2012).
 * - A 6-digit code HS 2022 no longer has is looked up in the HS 2017 table,
 *   then the HS 2012 one: one HS 2022 code → that code; several → the heading
 *   they share (else the old code's heading, when HS 2022 still has it), with
 *   the candidates for a person to choose from; targets missing from HS 2022
 *   → an error, never a guess.
 */
export type HsEdition = "2017" | "2012";

export interface HsCorrelations {
  /** Old 6-digit code → HS 2022 codes, per edition. */
  byEdition: Record<HsEdition, Map<string, string[]>>;
}

export type HsResolution =
  | { kind: "current"; code: string; nationalCode: string | null }
  | { kind: "mapped"; code: string; from: string; edition: HsEdition; nationalCode: string | null }
  | { kind: "ambiguous"; code: string; from: string; edition: HsEdition; candidates: string[]; nationalCode: string | null }
  | { kind: "unknown"; code: string }
  | { kind: "nowhere"; from: string; edition: HsEdition; targets: string[] }
  | { kind: "noHeading"; from: string; edition: HsEdition; candidates: string[] };

export function buildCorrelations(tables: Record<HsEdition, { old: string; current: string }[]>): HsCorrelations {
  const byEdition = { "2017": new Map<string, string[]>(), "2012": new Map<string, string[]>() };
  for (const edition of ["2017", "2012"] as const) {
    for (const { old, current } of tables[edition]) {
      if (!/^\d{6}$/.test(old) || !/^\d{6}$/.test(current)) continue;
      const list = byEdition[edition].get(old) ?? [];
      if (!list.includes(current)) list.push(current);
      byEdition[edition].set(old, list);
    }
  }
  for (const map of Object.values(byEdition)) for (const list of map.values()) list.sort();
  return { byEdition };
}

/**
 * Reads `digits` (4, 6, 8 or 10 digits, already cleaned) as HS 2022.
 * `isKnown` says whether a 4- or 6-digit code exists in HS 2022.
 */
export function resolveHsCode(digits: string, correlations: HsCorrelations, isKnown: (code: string) => boolean): HsResolution {
  const nationalCode = digits.length > 6 ? digits : null;
  const code = digits.length >= 6 ? digits.slice(0, 6) : digits;
  if (isKnown(code)) return { kind: "current", code, nationalCode };
  if (code.length !== 6) return { kind: "unknown", code };
  for (const edition of ["2017", "2012"] as const) {
    const targets = correlations.byEdition[edition].get(code);
    if (!targets?.length) continue;
    const known = targets.filter(isKnown);
    if (!known.length) return { kind: "nowhere", from: code, edition, targets };
    if (known.length === 1) return { kind: "mapped", code: known[0], from: code, edition, nationalCode };
    const headings = new Set(known.map((target) => target.slice(0, 4)));
    const heading = headings.size === 1 ? [...headings][0] : isKnown(code.slice(0, 4)) ? code.slice(0, 4) : null;
    if (!heading) return { kind: "noHeading", from: code, edition, candidates: known };
    return { kind: "ambiguous", code: heading, from: code, edition, candidates: known, nationalCode };
  }
  return { kind: "unknown", code };
}

/**
 * Whether a 6-digit code means the same in HS 2012 as in HS 2022: the 2012
 * table sends it to itself alone, and nothing else of 2012 lands on it.
 * Texts written for HS 2012 (Brazil's NCM 2016) describe it only then.
 */
export function sameSinceHs2012(code: string, correlations: HsCorrelations): boolean {
  const targets = correlations.byEdition["2012"].get(code);
  if (!targets || targets.length !== 1 || targets[0] !== code) return false;
  return !incoming(correlations).get(code)?.some((old) => old !== code);
}

const incomingCache = new WeakMap<HsCorrelations, Map<string, string[]>>();
function incoming(correlations: HsCorrelations): Map<string, string[]> {
  let map = incomingCache.get(correlations);
  if (!map) {
    map = new Map();
    for (const [old, targets] of correlations.byEdition["2012"]) {
      for (const target of targets) map.set(target, [...(map.get(target) ?? []), old]);
    }
    incomingCache.set(correlations, map);
  }
  return map;
}
