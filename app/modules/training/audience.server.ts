import type { Prisma } from "~/utils/db.server";
import { rulesFromForm } from "~/modules/notice/notice.server";
import { loadTargetProfiles } from "~/modules/notice/profiles.server";
import { emptyRules, hasCriteria, readRules } from "~/modules/notice/rules";
import { evaluateTargeting, selectAudience } from "~/modules/notice/targeting";
import { zhongshanDay } from "~/utils/time-zone";
import type { SessionFormValues } from "./training.schema";

/**
 * Who may see and register for a training session: the notices' targeting
 * rules (app/modules/notice/rules.ts, evaluated by
 * app/modules/notice/targeting.ts — no second rules engine). No rules:
 * every firm (stored as null or as the empty rules). Stored rules that do not parse reach nobody.
 */

/** The form's rules, validated (towns and clusters known); null when they narrow nothing. */
export async function sessionRulesFromForm(values: SessionFormValues) {
  const rules = await rulesFromForm({ ...values, hsCodes: [], certificationsHeld: [], certificationsMissing: [], sizeBands: [] });
  return hasCriteria(rules) ? rules : null;
}

/** As stored: the rules, or the empty rules (every firm). */
export const rulesColumn = (rules: Awaited<ReturnType<typeof sessionRulesFromForm>>) => (rules ?? emptyRules) as Prisma.InputJsonValue;

/** A predicate telling which sessions' rules the firm meets (its profile read once). */
export async function firmAudienceCheck(firmId: string, now = new Date()): Promise<(stored: unknown) => boolean> {
  const [profile] = await loadTargetProfiles({ rules: null, firmIds: [firmId] });
  const today = zhongshanDay(now);
  return (stored) => {
    if (stored === null || stored === undefined) return true;
    const rules = readRules(stored);
    return !!rules && !!profile && evaluateTargeting(rules, profile, today).match;
  };
}

/** How many firms the session's rules reach (null: open to every firm). */
export async function sessionAudienceCount(stored: unknown, now = new Date()): Promise<number | null> {
  if (stored === null || stored === undefined) return null;
  const rules = readRules(stored);
  if (!rules) return 0;
  if (!hasCriteria(rules)) return null;
  return selectAudience(rules, await loadTargetProfiles({ rules, narrow: true }), zhongshanDay(now)).length;
}
