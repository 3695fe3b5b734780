import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AgendaTable } from "~/components/agenda";
import { FeedPanel } from "~/components/meeting-feed";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireFirmMember } from "~/modules/access/user.server";
import { agendaFor, agendaPageRows } from "~/modules/meeting/agenda.server";
import { getFirmAgendaEdition, getFirmMeetingEdition } from "~/modules/meeting/edition.server";
import { throwDomainError } from "~/utils/domain-error.server";
import { pageMeta } from "~/utils/meta";
import { renewFeed, revokeFeed } from "~/modules/meeting/feed.server";
import { FeedSchema } from "~/modules/meeting/feed.schema";
import { parseSubmission, readFormData } from "~/utils/form.server";

export const handle = { i18n: ["meetings", "validation"] };

/** A delegation firm's agenda, in the reader's language (Chinese for the firms' staff). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const member = await requireFirmMember(request);
  const { edition, feed } = await getFirmAgendaEdition(params.editionSlug ?? "", member.firmId, locale).catch(throwDomainError);
  const agenda = await agendaFor(edition, { firmId: member.firmId }, locale);
  const t = await getFixedT(locale, "meetings");
  return json({
    title: t("agenda.title", { fair: edition.name }),
    edition,
    published: agenda.published,
    feed,
    rows: agendaPageRows(agenda.meetings, { fairZone: edition.timeZone, ownZone: null, locale }),
  });
}

/** The calendar feed of the firm: a new secret URL (shown once; the old one stops working) or none. */
export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const member = await requireFirmMember(request);
  const edition = await getFirmMeetingEdition(params.editionSlug ?? "", member.firmId, locale).catch(throwDomainError);
  const submission = parseSubmission(await readFormData(request), { schema: FeedSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), feedUrl: null, revoked: false }, { status: 400 });
  const owner = { firmId: member.firmId };
  if (submission.value.intent === "feedRevoke") {
    await revokeFeed(edition, owner);
    return json({ result: submission.reply(), feedUrl: null, revoked: true });
  }
  return json({ result: submission.reply(), feedUrl: await renewFeed({ userId: member.id }, edition, owner, locale, new URL(request.url).origin), revoked: false });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export default function FirmAgenda() {
  const { t } = useTranslation("meetings");
  const { lang } = useParams();
  const { title, edition, published, rows, feed } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  return (
    <div className="stack-lg">
      <header className="stack">
        <h1>{title}</h1>
        <p className="no-print">
          <Link to={`/${lang}/meetings/${edition.slug}/firm`}>{t("agenda.back")}</Link> · <a href={`/${lang}/meetings/${edition.slug}/firm/agenda.ics`}>{t("agenda.ics")}</a>
        </p>
      </header>
      {published ? <AgendaTable rows={rows} zone={edition.timeZone} /> : <p>{t("agenda.notPublished")}</p>}
      <FeedPanel feed={acted?.revoked ? null : feed} feedUrl={acted?.feedUrl ?? null} revoked={acted?.revoked ?? false} />
    </div>
  );
}
