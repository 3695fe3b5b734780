/**
 * The bureau's fair score (展会评分): how it ranks the firms that apply to a
 * delegation. Pure: the service feeds it facts read from the database, the
 * bureau's weights come from the call, and the ranked list shows every part
 * of every score. The same function serves the what-if (a weight changed on
 * the page, the ranking recomputed before anything is saved).
 */

export const scoreCriteria = [
  "exportExperience",
  "marketFit",
  "certifications",
  "clusterPriority",
  "profileCompleteness",
  "verified",
  "earlierResults",
  "firstTime",
] as const;
export type ScoreCriterion = (typeof scoreCriteria)[number];

export type ScoreWeights = Record<ScoreCriterion, number>;

/** What the city weighs by default; each call sets its own. */
export const defaultScoreWeights: ScoreWeights = {
  exportExperience: 20,
  marketFit: 20,
  certifications: 15,
  clusterPriority: 10,
  profileCompleteness: 10,
  verified: 10,
  earlierResults: 10,
  firstTime: 5,
};

/** The largest weight the bureau may give one criterion. */
export const MAX_WEIGHT = 100;

/** The facts about one applicant that the score reads. */
export interface ApplicantFacts {
  applicationId: string;
  /** When the application was submitted: the tiebreak (earlier first). */
  submittedAt: Date;
  /** Year the firm started exporting, or founded if unknown. */
  exportingSince: number | null;
  /** ISO 3166-1 alpha-2 codes the firm exports to. */
  exportMarkets: readonly string[];
  /** Certification codes the firm holds and that are valid on the fair's first day. */
  validCertifications: readonly string[];
  clusterSlug: string | null;
  /** Profile completeness per authored language, 0..1 each. */
  completeness: Readonly<Record<string, number>>;
  verified: boolean;
  /** Results at earlier fairs: meetings held and orders confirmed (0 when none recorded). */
  earlierMeetingsHeld: number;
  earlierOrders: number;
  /** Earlier delegations the firm took part in. */
  earlierDelegations: number;
}

/** What the call says matters for this fair. */
export interface ScoringContext {
  /** The year of the fair. */
  year: number;
  /** The fair's target markets (MIF: the Portuguese-speaking countries). */
  markets: readonly string[];
  /** Certifications that matter in those markets (INMETRO for Brazil, CE for Portugal...). */
  relevantCertifications: readonly string[];
  /** Clusters the bureau gives priority to, most important first. */
  priorityClusters: readonly string[];
  /** Languages the profile must be complete in for this fair (MIF: zh-CN, pt). */
  profileLocales: readonly string[];
}

export interface ScorePart {
  criterion: ScoreCriterion;
  /** 0..1: how fully the applicant meets the criterion. */
  fraction: number;
  weight: number;
  /** fraction × weight, rounded to 0.1. */
  points: number;
  /** Facts behind the fraction, for the page to phrase ("12 years exporting", "2 of 9 markets"). */
  detail: Record<string, number | string>;
}

export interface ApplicationScore {
  applicationId: string;
  total: number;
  /** The most the weights allow (their sum), so the page can show "72 of 100". */
  max: number;
  parts: ScorePart[];
}

/** Years of exporting count up to this many; more earn nothing extra. */
const FULL_EXPERIENCE_YEARS = 10;
/** Meetings held and orders at earlier fairs that earn the full criterion. */
const FULL_RESULTS = { meetings: 10, orders: 3 };

const clamp01 = (value: number) => (Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0);
const round1 = (value: number) => Math.round(value * 10) / 10;

function fractionOf(criterion: ScoreCriterion, facts: ApplicantFacts, context: ScoringContext): { fraction: number; detail: Record<string, number | string> } {
  switch (criterion) {
    case "exportExperience": {
      const years = facts.exportingSince === null ? 0 : Math.max(0, context.year - facts.exportingSince);
      return { fraction: clamp01(years / FULL_EXPERIENCE_YEARS), detail: { years } };
    }
    case "marketFit": {
      const markets = new Set(context.markets);
      const served = new Set(facts.exportMarkets.filter((market) => markets.has(market))).size;
      // Serving a few of the fair's markets is already a strong sign: three count in full.
      const target = Math.min(3, markets.size);
      return { fraction: target ? clamp01(served / target) : 0, detail: { served, markets: markets.size } };
    }
    case "certifications": {
      const relevant = new Set(context.relevantCertifications);
      const held = new Set(facts.validCertifications.filter((code) => relevant.has(code))).size;
      const target = Math.min(2, relevant.size);
      return { fraction: target ? clamp01(held / target) : 0, detail: { held, relevant: relevant.size } };
    }
    case "clusterPriority": {
      const rank = facts.clusterSlug ? context.priorityClusters.indexOf(facts.clusterSlug) : -1;
      if (rank === -1) return { fraction: 0, detail: { rank: 0 } };
      // The first priority earns all, later ones a little less each.
      return { fraction: clamp01(1 - rank / Math.max(1, context.priorityClusters.length)), detail: { rank: rank + 1 } };
    }
    case "profileCompleteness": {
      const locales = context.profileLocales.length ? context.profileLocales : Object.keys(facts.completeness);
      const sum = locales.reduce((total, locale) => total + clamp01(facts.completeness[locale] ?? 0), 0);
      const fraction = locales.length ? sum / locales.length : 0;
      return { fraction: clamp01(fraction), detail: { percent: Math.round(fraction * 100) } };
    }
    case "verified":
      return { fraction: facts.verified ? 1 : 0, detail: {} };
    case "earlierResults": {
      const fraction = 0.5 * clamp01(facts.earlierMeetingsHeld / FULL_RESULTS.meetings) + 0.5 * clamp01(facts.earlierOrders / FULL_RESULTS.orders);
      return { fraction, detail: { meetings: facts.earlierMeetingsHeld, orders: facts.earlierOrders } };
    }
    case "firstTime":
      return { fraction: facts.earlierDelegations === 0 ? 1 : 0, detail: {} };
  }
}

export function scoreApplication(facts: ApplicantFacts, weights: ScoreWeights, context: ScoringContext): ApplicationScore {
  const parts = scoreCriteria.map((criterion) => {
    const weight = Math.max(0, weights[criterion] ?? 0);
    const { fraction, detail } = fractionOf(criterion, facts, context);
    return { criterion, fraction, weight, points: round1(fraction * weight), detail };
  });
  return {
    applicationId: facts.applicationId,
    total: round1(parts.reduce((sum, part) => sum + part.fraction * part.weight, 0)),
    max: round1(parts.reduce((sum, part) => sum + part.weight, 0)),
    parts,
  };
}

export interface RankedApplication extends ApplicationScore {
  rank: number;
}

/**
 * Applications best first. Ties go to the earlier submission, then to the
 * id, so the same facts and weights always give the same order.
 */
export function rankApplications(applicants: readonly ApplicantFacts[], weights: ScoreWeights, context: ScoringContext): RankedApplication[] {
  const submitted = new Map(applicants.map((facts) => [facts.applicationId, facts.submittedAt.getTime()]));
  return applicants
    .map((facts) => scoreApplication(facts, weights, context))
    .sort((a, b) => b.total - a.total || submitted.get(a.applicationId)! - submitted.get(b.applicationId)! || a.applicationId.localeCompare(b.applicationId))
    .map((score, index) => ({ ...score, rank: index + 1 }));
}

/** How each application's rank moves when the weights change (the what-if): positive is up. */
export function rankChanges(before: readonly RankedApplication[], after: readonly RankedApplication[]): Map<string, number> {
  const old = new Map(before.map((entry) => [entry.applicationId, entry.rank]));
  return new Map(after.map((entry) => [entry.applicationId, (old.get(entry.applicationId) ?? entry.rank) - entry.rank]));
}
