import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AgendaTable } from "~/components/agenda";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireFirmMember } from "~/modules/access/user.server";
import { agendaRows } from "~/modules/meeting/agenda";
import { agendaFor } from "~/modules/meeting/agenda.server";
import { assertDelegationFirm, getMeetingEdition } from "~/modules/meeting/edition.server";
import { throwDomainError } from "~/utils/domain-error.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["meetings"] };

/** A delegation firm's agenda, in the reader's language (Chinese for the firms' staff). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const member = await requireFirmMember(request);
  const edition = await getMeetingEdition(params.editionSlug ?? "", locale).catch(throwDomainError);
  await assertDelegationFirm(edition.id, member.firmId).catch(throwDomainError);
  const agenda = await agendaFor(edition, { firmId: member.firmId }, locale);
  const t = await getFixedT(locale, "meetings");
  return json({
    title: t("agenda.title", { fair: edition.name }),
    edition,
    published: agenda.published,
    rows: agendaRows(agenda.meetings, { fairZone: edition.timeZone, ownZone: null, locale }),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export default function FirmAgenda() {
  const { t } = useTranslation("meetings");
  const { lang } = useParams();
  const { title, edition, published, rows } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg">
      <header className="stack">
        <h1>{title}</h1>
        <p className="no-print">
          <Link to={`/${lang}/meetings/${edition.slug}/firm`}>{t("agenda.back")}</Link> · <a href={`/${lang}/meetings/${edition.slug}/firm/agenda.ics`}>{t("agenda.ics")}</a>
        </p>
      </header>
      {published ? <AgendaTable rows={rows} zone={edition.timeZone} /> : <p>{t("agenda.notPublished")}</p>}
    </div>
  );
}
