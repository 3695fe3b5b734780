import { z } from "zod";
import { prisma } from "~/utils/db.server";
import { calendarDay, parseQuery } from "~/utils/query";
import { textIn } from "~/modules/i18n-text/localized-text";
import { countryName } from "~/modules/reference/countries.server";
import { textFallbacks, type Locale } from "~/i18n/config";

/**
 * The bureau's inquiry figures: volumes, answer rates and median response
 * times grouped by the firm's town or cluster or by the buyer's country, over
 * a period. Counts and times only: never who wrote what. Only buyers'
 * inquiries count: threads a firm started to answer a sourcing request are
 * offers, with no response time to measure.
 */
import type { FigureDimension } from "./figures";

/** Fixed SQL per dimension (never user text): the only part of the query that varies. */
const groupColumn: Record<FigureDimension, string> = {
  town: `f."townId"`,
  cluster: `f."clusterId"`,
  country: `i."buyerCountry"`,
};

const MEDIAN_MINUTES = `(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (i."firstResponseAt" - i."createdAt")) / 60)
              FILTER (WHERE i."firstResponseAt" IS NOT NULL))::float8`;

interface FigureRow {
  key: string | null;
  inquiries: number;
  answered: number;
  median_minutes: number | null;
}

export interface FigurePeriod {
  /** First day, inclusive (UTC). */
  from: Date;
  /** Last day, inclusive (UTC). */
  to: Date;
}

export async function getInquiryFigures(dimension: FigureDimension, period: FigurePeriod, locale: Locale) {
  const end = new Date(period.to.getTime() + 86_400_000);
  const range = [period.from.toISOString(), end.toISOString()];
  const rows = await prisma.$queryRawUnsafe<FigureRow[]>(
    `SELECT ${groupColumn[dimension]} AS key, count(*)::int AS inquiries, count(i."firstResponseAt")::int AS answered,
            ${MEDIAN_MINUTES} AS median_minutes
       FROM "Inquiry" i JOIN "Firm" f ON f."id" = i."firmId"
      WHERE i."createdAt" >= $1::timestamp AND i."createdAt" < $2::timestamp AND i."openedBy" = 'BUYER'
      GROUP BY 1
      ORDER BY 2 DESC, 1`,
    ...range,
  );
  const total = await prisma.$queryRawUnsafe<FigureRow[]>(
    `SELECT NULL AS key, count(*)::int AS inquiries, count(i."firstResponseAt")::int AS answered,
            ${MEDIAN_MINUTES} AS median_minutes
       FROM "Inquiry" i
      WHERE i."createdAt" >= $1::timestamp AND i."createdAt" < $2::timestamp AND i."openedBy" = 'BUYER'`,
    ...range,
  );
  const labels = await labelsFor(dimension, locale);
  const shape = (row: FigureRow) => ({
    inquiries: Number(row.inquiries),
    answered: Number(row.answered),
    answerRatePercent: Number(row.inquiries) ? Math.round((Number(row.answered) / Number(row.inquiries)) * 100) : null,
    medianResponseHours: row.median_minutes === null ? null : Math.round((Number(row.median_minutes) / 60) * 10) / 10,
  });
  return {
    rows: rows.map((row) => ({ key: row.key, label: row.key ? (labels.get(row.key) ?? row.key) : null, ...shape(row) })),
    total: shape(total[0] ?? { key: null, inquiries: 0, answered: 0, median_minutes: null }),
  };
}

async function labelsFor(dimension: FigureDimension, locale: Locale): Promise<Map<string, string>> {
  const fallbacks = textFallbacks[locale];
  if (dimension === "town") {
    const towns = await prisma.town.findMany({ select: { id: true, name: true } });
    return new Map(towns.map((town) => [town.id, textIn(town.name, locale, fallbacks)]));
  }
  if (dimension === "cluster") {
    const clusters = await prisma.cluster.findMany({ select: { id: true, name: true } });
    return new Map(clusters.map((cluster) => [cluster.id, textIn(cluster.name, locale, fallbacks)]));
  }
  return {
    get: (code: string) => countryName(code, locale),
  } as Map<string, string>;
}

/** The period asked for in the query string, or the last 90 days; swapped when given backwards. */
export function parsePeriod(fromParam: string | null, toParam: string | null, today = new Date()): FigurePeriod & { defaulted: boolean } {
  const day = (value: string | null) => {
    if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
    const date = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? null : date;
  };
  const todayUtc = new Date(`${today.toISOString().slice(0, 10)}T00:00:00Z`);
  const to = day(toParam) ?? todayUtc;
  const from = day(fromParam) ?? new Date(to.getTime() - 89 * 86_400_000);
  const defaulted = !day(fromParam) || !day(toParam);
  return from <= to ? { from, to, defaulted } : { from: to, to: from, defaulted };
}

/**
 * A figures page's query (`?from=&to=&by=`): the period (90 days to today
 * unless given) and the grouping, with the days as the page's form shows them.
 */
export function readFiguresQuery<D extends string>(request: Request, dimensions: readonly [D, ...D[]], fallback: D) {
  const query = parseQuery(
    request,
    z.object({ from: calendarDay.optional().catch(undefined), to: calendarDay.optional().catch(undefined), by: z.enum(dimensions).catch(fallback) }),
  );
  const period = parsePeriod(query.from ?? null, query.to ?? null);
  return { by: query.by as D, period, from: period.from.toISOString().slice(0, 10), to: period.to.toISOString().slice(0, 10) };
}
