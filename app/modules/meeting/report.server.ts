import type { Locale } from "~/i18n/config";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import { countryName } from "~/modules/reference/countries.server";
import { prisma } from "~/utils/db.server";
import type { MeetingEdition } from "./edition.server";
import { compareTotals, editionReport, type ReportOutcome, type ReportPair } from "./report";

/**
 * The bureau's fair report, the I/O side: every meeting request of an
 * edition read once (with its firm's cluster and town, the buyer's country,
 * its meeting and both outcomes) and handed to the pure report (report.ts);
 * the earlier editions of the same fair series to compare with.
 */
const outcomeSelect = {
  side: true,
  attendance: true,
  interest: true,
  samplesRequested: true,
  quotationSent: true,
  intendedOrderUsd: true,
  orderPlaced: true,
  confirmedOrderUsd: true,
  rating: true,
} as const;

export async function reportPairs(editionId: string, locale: Locale): Promise<ReportPair[]> {
  const rows = await prisma.meetingRequest.findMany({
    where: { editionId },
    orderBy: { id: "asc" },
    select: {
      status: true,
      firm: { select: { id: true, name: true, cluster: { select: { id: true, name: true } }, town: { select: { id: true, name: true } } } },
      buyerCompany: { select: { country: true } },
      meeting: { select: { id: true } },
      outcomes: { select: outcomeSelect },
    },
  });
  const countries = new Map<string, string>();
  const country = (code: string) => {
    if (!countries.has(code)) countries.set(code, countryName(code, locale));
    return countries.get(code)!;
  };
  const outcomeOf = (outcomes: (ReportOutcome & { side: string })[], side: "FIRM" | "BUYER") => {
    const found = outcomes.find((outcome) => outcome.side === side);
    if (!found) return null;
    const { side: _side, ...rest } = found;
    return rest;
  };
  return rows.map((row) => ({
    status: row.status,
    firm: { id: row.firm.id, name: displayTextIn(row.firm.name, locale) },
    cluster: row.firm.cluster ? { key: row.firm.cluster.id, name: displayTextIn(row.firm.cluster.name, locale) } : null,
    town: row.firm.town ? { key: row.firm.town.id, name: displayTextIn(row.firm.town.name, locale) } : null,
    buyerCountry: row.buyerCompany.country ? { key: row.buyerCompany.country, name: country(row.buyerCompany.country) } : null,
    // A meeting counts while its pair stands: a pair declined or cancelled after publishing keeps its row (the feeds send it as cancelled) but is no meeting.
    scheduled: row.meeting !== null && row.status === "ACCEPTED",
    firmOutcome: outcomeOf(row.outcomes, "FIRM"),
    buyerOutcome: outcomeOf(row.outcomes, "BUYER"),
  }));
}

/** Other editions of the edition's series that had a delegation, latest first (earlier ones before later). */
export async function comparableEditions(edition: MeetingEdition, locale: Locale) {
  const self = await prisma.fairEdition.findUnique({ where: { id: edition.id }, select: { seriesId: true } });
  if (!self?.seriesId) return [];
  const editions = await prisma.fairEdition.findMany({
    where: { seriesId: self.seriesId, id: { not: edition.id }, call: { isNot: null } },
    orderBy: [{ startsOn: "desc" }, { slug: "asc" }],
    take: 20,
    select: { id: true, slug: true, shortName: true, name: true, startsOn: true },
  });
  const earlier = editions.filter((entry) => entry.startsOn.toISOString().slice(0, 10) < edition.startsOn);
  const later = editions.filter((entry) => entry.startsOn.toISOString().slice(0, 10) >= edition.startsOn);
  return [...earlier, ...later].map((entry) => ({ id: entry.id, slug: entry.slug, shortName: entry.shortName, name: displayTextIn(entry.name, locale) }));
}

/**
 * The edition's report and, when `compareSlug` names another edition of the
 * series (or by default the latest earlier one), that edition's totals beside it.
 */
export async function fairReport(edition: MeetingEdition, locale: Locale, compareSlug?: string) {
  const [pairs, comparable] = await Promise.all([reportPairs(edition.id, locale), comparableEditions(edition, locale)]);
  const report = editionReport(pairs, locale);
  const other = compareSlug ? comparable.find((entry) => entry.slug === compareSlug) : comparable[0];
  const comparison = other
    ? { edition: { slug: other.slug, shortName: other.shortName, name: other.name }, rows: compareTotals(report.totals, editionReport(await reportPairs(other.id, locale), locale).totals) }
    : null;
  return { report, comparable: comparable.map(({ id: _id, ...entry }) => entry), comparison };
}

export type FairReport = Awaited<ReturnType<typeof fairReport>>;
