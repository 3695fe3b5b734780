import type { TargetingRules } from "./rules";
import { criteria } from "./targeting";

/**
 * The audience's SQL, generated from the criteria of targeting.ts (no second
 * copy of the rules): a condition over "Firm" AS f with its bound
 * parameters ($1, $2, … from `firstParam`). `exact` when every criterion the
 * rules use is said in SQL, so the query's firms are exactly those
 * evaluateTargeting matches; otherwise the condition only narrows the firms
 * that targeting.ts then judges (a firm it leaves out fails a criterion).
 * Pure: the caller runs it (profiles.server.ts).
 */
export interface RulesSql {
  where: string;
  params: unknown[];
  exact: boolean;
}

export function rulesSql(rules: TargetingRules, firstParam = 1): RulesSql {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${firstParam + params.length - 1}`;
  };
  const conditions: string[] = [];
  let exact = true;
  for (const criterion of criteria) {
    if (!criterion.applies(rules)) continue;
    if (criterion.sql) conditions.push(`(${criterion.sql(rules, param)})`);
    else exact = false;
  }
  return { where: conditions.length ? conditions.join(" AND ") : "TRUE", params, exact };
}
