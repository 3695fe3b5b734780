import { prisma, type Prisma } from "~/utils/db.server";
import { textIn } from "~/modules/i18n-text/localized-text";
import { textFallbacks, type Locale } from "~/i18n/config";
import { startOfZhongshanDay } from "~/utils/time-zone";

/**
 * The bureau's view of the audit trail: every change to firms, products,
 * requests, users and reference data, filtered and paginated; and the
 * history of one firm (the firm and its products).
 */
export const AUDIT_PAGE_SIZE = 50;


export interface AuditFilter {
  entityType?: string;
  /** E-mail or name of the user who acted, or a label such as "cli". */
  actor?: string;
  /** Calendar days in Zhongshan's time, inclusive. */
  from?: string;
  to?: string;
  page: number;
}

function whereOf(filter: AuditFilter): Prisma.AuditEventWhereInput {
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
  if (filter.from) where.push({ createdAt: { gte: startOfZhongshanDay(filter.from) } });
  if (filter.to) where.push({ createdAt: { lt: new Date(startOfZhongshanDay(filter.to).getTime() + 86_400_000) } });
  return where.length ? { AND: where } : {};
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
  const [firms, products, requests, companies] = await Promise.all([
    prisma.firm.findMany({ where: { id: { in: ids("firm") } }, select: { id: true, name: true } }),
    prisma.product.findMany({ where: { id: { in: ids("product") } }, select: { id: true, name: true, firmId: true } }),
    prisma.sourcingRequest.findMany({ where: { id: { in: ids("request") } }, select: { id: true, title: true } }),
    prisma.buyerCompany.findMany({ where: { id: { in: ids("buyerCompany") } }, select: { id: true, name: true } }),
  ]);
  const labels = new Map<string, { label: string; firmId?: string }>();
  for (const firm of firms) labels.set(`firm:${firm.id}`, { label: textIn(firm.name, locale, fallbacks), firmId: firm.id });
  for (const product of products) labels.set(`product:${product.id}`, { label: textIn(product.name, locale, fallbacks), firmId: product.firmId });
  for (const request of requests) labels.set(`request:${request.id}`, { label: textIn(request.title, locale, fallbacks) });
  for (const company of companies) labels.set(`buyerCompany:${company.id}`, { label: company.name });
  return labels;
}

async function present(events: EventRow[], locale: Locale) {
  const labels = await entityLabels(events, locale);
  return events.map((event) => {
    const entity = labels.get(`${event.entityType}:${event.entityId}`);
    return {
      id: event.id.toString(),
      entityType: event.entityType,
      entityId: event.entityId,
      entityLabel: entity?.label ?? null,
      firmId: entity?.firmId ?? null,
      action: event.action,
      changes: summariseChanges(event.changes),
      createdAt: event.createdAt.toISOString(),
      actor: event.actor ? { name: event.actor.displayName, email: event.actor.email, role: event.actor.role } : null,
      actorLabel: event.actorLabel,
    };
  });
}

export async function listAuditEvents(filter: AuditFilter, locale: Locale) {
  const where = whereOf(filter);
  const [total, events] = await Promise.all([
    prisma.auditEvent.count({ where }),
    prisma.auditEvent.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: eventSelect,
    }),
  ]);
  return { total, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)), events: await present(events, locale) };
}

/** What happened to a firm and its products, newest first (the latest 200 events). */
export async function firmHistory(firmId: string, locale: Locale) {
  const products = await prisma.product.findMany({ where: { firmId }, select: { id: true } });
  const events = await prisma.auditEvent.findMany({
    where: {
      OR: [
        { entityType: "firm", entityId: firmId },
        ...(products.length ? [{ entityType: "product", entityId: { in: products.map((product) => product.id) } }] : []),
      ],
    },
    orderBy: { id: "desc" },
    take: 200,
    select: eventSelect,
  });
  return present(events, locale);
}

export interface ChangeLine {
  field: string;
  from?: string;
  to?: string;
  value?: string;
}

const MAX_VALUE = 160;

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "∅";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** `changes` as lines to read: "field: from → to", or "field: value" for facts recorded at creation. */
export function summariseChanges(changes: unknown): ChangeLine[] {
  if (!changes || typeof changes !== "object" || Array.isArray(changes)) return [];
  return Object.entries(changes as Record<string, unknown>).map(([field, value]) => {
    if (value && typeof value === "object" && !Array.isArray(value) && ("from" in value || "to" in value)) {
      const { from, to } = value as { from?: unknown; to?: unknown };
      return { field, from: show(from), to: show(to) };
    }
    return { field, value: show(value) };
  });
}
