import { prisma, type Prisma } from "~/utils/db.server";
import { textIn } from "~/modules/i18n-text/localized-text";
import { textFallbacks, type Locale } from "~/i18n/config";
import { startOfZhongshanDay } from "~/utils/time-zone";
import { auditVocabulary } from "./vocabulary.server";
import { actionKeys, describeChanges, referencedIds, type ChangeLine } from "./describe";
import { getFixedT } from "~/i18n/i18next.server";

/**
 * The bureau's view of the audit trail: every change to firms, products,
 * requests, users and reference data, filtered and paged by cursor (the
 * id of the last event seen: new events never shift a page); and the
 * history of one firm (the firm and its products).
 */
export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilter {
  entityType?: string;
  /** E-mail or name of the user who acted, or a label such as "cli". */
  actor?: string;
  /** A firm's id or its USCC: its own events and its products'. */
  firm?: string;
  /** Calendar days in Zhongshan's time, inclusive. */
  from?: string;
  to?: string;
  /** Events older than this id (the next page), or newer (the previous page). */
  before?: string;
  after?: string;
}

async function firmScope(firm: string): Promise<Prisma.AuditEventWhereInput> {
  const found = await prisma.firm.findFirst({ where: { OR: [{ id: firm }, { uscc: firm.toUpperCase() }] }, select: { id: true } });
  if (!found) return { id: -1n };
  const products = await prisma.product.findMany({ where: { firmId: found.id }, select: { id: true } });
  return {
    OR: [
      { entityType: "firm", entityId: found.id },
      ...(products.length ? [{ entityType: "product", entityId: { in: products.map((product) => product.id) } }] : []),
    ],
  };
}

async function whereOf(filter: AuditFilter): Promise<Prisma.AuditEventWhereInput[]> {
  const where: Prisma.AuditEventWhereInput[] = [];
  if (filter.entityType) where.push({ entityType: filter.entityType });
  const actor = filter.actor?.trim();
  if (actor) {
    where.push({
      OR: [
        { actorLabel: { equals: actor, mode: "insensitive" } },
        { actor: { email: { contains: actor, mode: "insensitive" } } },
        { actor: { displayName: { contains: actor, mode: "insensitive" } } },
      ],
    });
  }
  if (filter.firm) where.push(await firmScope(filter.firm));
  if (filter.from) where.push({ createdAt: { gte: startOfZhongshanDay(filter.from) } });
  if (filter.to) where.push({ createdAt: { lt: new Date(startOfZhongshanDay(filter.to).getTime() + 86_400_000) } });
  return where;
}

const eventSelect = {
  id: true,
  entityType: true,
  entityId: true,
  action: true,
  changes: true,
  createdAt: true,
  actorLabel: true,
  actor: { select: { displayName: true, email: true, role: true } },
} satisfies Prisma.AuditEventSelect;

type EventRow = Prisma.AuditEventGetPayload<{ select: typeof eventSelect }>;

/** Names of the firms, products and requests events are about, in the reader's language. */
async function entityLabels(events: EventRow[], locale: Locale) {
  const ids = (type: string) => [...new Set(events.filter((event) => event.entityType === type).map((event) => event.entityId))];
  const fallbacks = textFallbacks[locale];
  const [firms, products, requests, companies, towns, clusters] = await Promise.all([
    prisma.firm.findMany({ where: { id: { in: ids("firm") } }, select: { id: true, name: true } }),
    prisma.product.findMany({ where: { id: { in: ids("product") } }, select: { id: true, name: true, firmId: true } }),
    prisma.sourcingRequest.findMany({ where: { id: { in: ids("request") } }, select: { id: true, title: true } }),
    prisma.buyerCompany.findMany({ where: { id: { in: ids("buyerCompany") } }, select: { id: true, name: true } }),
    prisma.town.findMany({ where: { id: { in: ids("town") } }, select: { id: true, name: true } }),
    prisma.cluster.findMany({ where: { id: { in: ids("cluster") } }, select: { id: true, name: true } }),
  ]);
  const labels = new Map<string, { label: string; firmId?: string }>();
  for (const firm of firms) labels.set(`firm:${firm.id}`, { label: textIn(firm.name, locale, fallbacks), firmId: firm.id });
  for (const product of products) labels.set(`product:${product.id}`, { label: textIn(product.name, locale, fallbacks), firmId: product.firmId });
  for (const request of requests) labels.set(`request:${request.id}`, { label: textIn(request.title, locale, fallbacks) });
  for (const company of companies) labels.set(`buyerCompany:${company.id}`, { label: company.name });
  for (const town of towns) labels.set(`town:${town.id}`, { label: textIn(town.name, locale, fallbacks) });
  for (const cluster of clusters) labels.set(`cluster:${cluster.id}`, { label: textIn(cluster.name, locale, fallbacks) });
  return labels;
}

export interface PresentedEvent {
  id: string;
  entityType: string;
  entityId: string;
  entityLabel: string | null;
  firmId: string | null;
  /** The action named in the reader's language. */
  actionLabel: string;
  action: string;
  changes: ChangeLine[];
  createdAt: string;
  actor: { name: string; email: string; role: string } | null;
  actorLabel: string | null;
}

async function present(events: EventRow[], locale: Locale): Promise<PresentedEvent[]> {
  const ids = events.map((event) => referencedIds(event.changes));
  const [labels, vocabulary, t] = await Promise.all([
    entityLabels(events, locale),
    auditVocabulary(locale, {
      towns: [...new Set(ids.flatMap((entry) => entry.towns))],
      clusters: [...new Set(ids.flatMap((entry) => entry.clusters))],
    }),
    getFixedT(locale, "audit"),
  ]);
  return events.map((event) => {
    const entity = labels.get(`${event.entityType}:${event.entityId}`);
    return {
      id: event.id.toString(),
      entityType: event.entityType,
      entityId: event.entityId,
      entityLabel: entity?.label ?? null,
      firmId: entity?.firmId ?? null,
      action: event.action,
      actionLabel: t(actionKeys(event.entityType, event.action), { action: event.action }),
      changes: describeChanges(event.changes, vocabulary),
      createdAt: event.createdAt.toISOString(),
      actor: event.actor ? { name: event.actor.displayName, email: event.actor.email, role: event.actor.role } : null,
      actorLabel: event.actorLabel,
    };
  });
}

function cursorId(value: string | undefined): bigint | null {
  return value && /^\d{1,18}$/.test(value) ? BigInt(value) : null;
}

/**
 * One page of the trail, newest first. `older` / `newer` are the cursors
 * of the pages either side, null at either end.
 */
export async function listAuditEvents(filter: AuditFilter, locale: Locale) {
  const where = await whereOf(filter);
  const before = cursorId(filter.before);
  const after = before === null ? cursorId(filter.after) : null;
  const page = [...where, ...(before !== null ? [{ id: { lt: before } }] : []), ...(after !== null ? [{ id: { gt: after } }] : [])];
  const [total, rows] = await Promise.all([
    prisma.auditEvent.count({ where: { AND: where } }),
    prisma.auditEvent.findMany({
      where: { AND: page },
      // The previous page is read upwards from the cursor, then turned round.
      orderBy: { id: after !== null ? "asc" : "desc" },
      take: AUDIT_PAGE_SIZE + 1,
      select: eventSelect,
    }),
  ]);
  const more = rows.length > AUDIT_PAGE_SIZE;
  const events = rows.slice(0, AUDIT_PAGE_SIZE);
  if (after !== null) events.reverse();
  const first = events[0]?.id;
  const last = events.at(-1)?.id;
  return {
    total,
    events: await present(events, locale),
    older: last !== undefined && (after !== null || more) ? last.toString() : null,
    newer: first !== undefined && (before !== null || (after !== null && more)) ? first.toString() : null,
  };
}

/** What happened to a firm and its products, newest first (the latest 200 events). */
export async function firmHistory(firmId: string, locale: Locale) {
  const events = await prisma.auditEvent.findMany({ where: await firmScope(firmId), orderBy: { id: "desc" }, take: 200, select: eventSelect });
  return present(events, locale);
}
