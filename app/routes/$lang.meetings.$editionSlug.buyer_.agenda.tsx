import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AgendaTable } from "~/components/agenda";
import { FeedPanel } from "~/components/meeting-feed";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireBuyerCompany } from "~/modules/access/buyer.server";
import { agendaFor, agendaPageRows } from "~/modules/meeting/agenda.server";
import { getMeetingEdition } from "~/modules/meeting/edition.server";
import { throwDomainError } from "~/utils/domain-error.server";
import { pageMeta } from "~/utils/meta";
import { feedStatus, renewFeed, revokeFeed } from "~/modules/meeting/feed.server";
import { FeedSchema } from "~/modules/meeting/feed.schema";
import { parseSubmission, readFormData } from "~/utils/form.server";

export const handle = { i18n: ["meetings", "validation"] };

/** The buyer's agenda in their language, printable with Chinese beside it (for the firms' staff and the venue). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const buyer = await requireBuyerCompany(request);
  const edition = await getMeetingEdition(params.editionSlug ?? "", locale).catch(throwDomainError);
  const agenda = await agendaFor(edition, { buyerCompanyId: buyer.buyerCompanyId }, locale);
  const feed = await feedStatus(edition, { buyerCompanyId: buyer.buyerCompanyId });
  const t = await getFixedT(locale, "meetings");
  const zh = await getFixedT("zh-CN", "meetings");
  const keys = ["day", "time", "ownTime", "with", "place", "interpreter", "remote", "table"] as const;
  return json({
    title: t("agenda.title", { fair: edition.name }),
    titleZh: zh("agenda.title", { fair: (await getMeetingEdition(edition.slug, "zh-CN")).name }),
    edition,
    published: agenda.published,
    feed,
    rows: agendaPageRows(agenda.meetings, { fairZone: edition.timeZone, ownZone: agenda.ownZone, locale }),
    zhLabels: locale.startsWith("zh") ? undefined : Object.fromEntries(keys.map((key) => [key, zh(`agenda.${key}`)])),
  });
}

/** The calendar feed: a new secret URL (shown once; the old one stops working) or none. */
export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const buyer = await requireBuyerCompany(request);
  const edition = await getMeetingEdition(params.editionSlug ?? "", locale).catch(throwDomainError);
  const submission = parseSubmission(await readFormData(request), { schema: FeedSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), feedUrl: null, revoked: false }, { status: 400 });
  const owner = { buyerCompanyId: buyer.buyerCompanyId };
  if (submission.value.intent === "feedRevoke") {
    await revokeFeed(edition, owner);
    return json({ result: submission.reply(), feedUrl: null, revoked: true });
  }
  return json({ result: submission.reply(), feedUrl: await renewFeed({ userId: buyer.id }, edition, owner, locale, new URL(request.url).origin), revoked: false });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export default function BuyerAgenda() {
  const { t } = useTranslation("meetings");
  const { lang } = useParams();
  const { title, titleZh, edition, published, rows, zhLabels, feed } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  return (
    <div className="stack-lg">
      <header className="stack">
        <h1>{title}</h1>
        {zhLabels ? <p lang="zh-CN">{titleZh}</p> : null}
        <p className="no-print">
          <Link to={`/${lang}/meetings/${edition.slug}/buyer`}>{t("agenda.back")}</Link> · <a href={`/${lang}/meetings/${edition.slug}/buyer/agenda.ics`}>{t("agenda.ics")}</a>
        </p>
      </header>
      {published ? <AgendaTable rows={rows} zone={edition.timeZone} zhLabels={zhLabels} /> : <p>{t("agenda.notPublished")}</p>}
      <FeedPanel feed={acted?.revoked ? null : feed} feedUrl={acted?.feedUrl ?? null} revoked={acted?.revoked ?? false} />
    </div>
  );
}
