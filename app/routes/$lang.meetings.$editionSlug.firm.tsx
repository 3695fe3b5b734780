import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActionErrors, MeetingRequestActions } from "~/components/meetings";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireFirmMember } from "~/modules/access/user.server";
import { getFirmMeetingEdition } from "~/modules/meeting/edition.server";
import { askToMeet, respondToRequest, sweepExpiredRequests } from "~/modules/meeting/meeting-requests.server";
import { firmMeetingView } from "~/modules/meeting/meeting-views.server";
import { AskSchema, meetingIntent, RespondSchema } from "~/modules/meeting/request.schema";
import { domainErrorReply, throwDomainError } from "~/utils/domain-error.server";
import { readFormData, parseSubmission } from "~/utils/form.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["meetings", "meetingReport", "validation"] };

/** The firm's side: only a member of a firm in this edition's delegation (others 403). */
async function requireDelegationMember(request: Request, lang: string | undefined, slug: string | undefined) {
  const locale = await requireUrlLocale(request, lang);
  const member = await requireFirmMember(request);
  const edition = await getFirmMeetingEdition(slug ?? "", member.firmId, locale).catch(throwDomainError);
  return { locale, member, edition };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale, member, edition } = await requireDelegationMember(request, params.lang, params.editionSlug);
  await sweepExpiredRequests();
  const t = await getFixedT(locale, "meetings");
  return json({ title: t("firm.title", { fair: edition.name }), edition, ...(await firmMeetingView(edition, member.firmId, locale)) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export async function action({ request, params }: ActionFunctionArgs) {
  const { member, edition } = await requireDelegationMember(request, params.lang, params.editionSlug);
  const formData = await readFormData(request);
  const actor = { userId: member.id, side: "FIRM" as const, firmId: member.firmId };
  const intent = meetingIntent(formData.get("intent"));
  if (intent === "ask") {
    const submission = parseSubmission(formData, { schema: AskSchema });
    if (submission.status !== "success") return json({ result: submission.reply(), done: null }, { status: 400 });
    try {
      const asked = await askToMeet(actor, edition, submission.value.counterpartId, submission.value.message);
      return json({ result: submission.reply({ resetForm: true }), done: asked.mutual ? ("agreed" as const) : ("asked" as const) });
    } catch (error) {
      const { result, status } = domainErrorReply(error, submission);
      return json({ result, done: null }, { status });
    }
  }
  const submission = parseSubmission(formData, { schema: RespondSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), done: null }, { status: 400 });
  try {
    const answered = await respondToRequest(actor, edition, submission.value.requestId, submission.value.intent);
    return json({ result: submission.reply(), done: answered.status === "ACCEPTED" ? ("agreed" as const) : ("declined" as const) });
  } catch (error) {
    const { result, status } = domainErrorReply(error, submission);
    return json({ result, done: null }, { status });
  }
}

type Buyer = ReturnType<typeof useLoaderData<typeof loader>>["others"][number];

function BuyerSummary({ buyer }: { buyer: Buyer }) {
  const { t } = useTranslation("meetings");
  return (
    <>
      <h3>
        {buyer.name}
        {buyer.country ? ` · ${buyer.country}` : ""}
      </h3>
      <p>
        {buyer.mode ? t(`mode.${buyer.mode}`) : null}
        {buyer.languages.length ? ` · ${t("firm.languages", { languages: buyer.languages.join(", ") })}` : null}
        {buyer.needsInterpreter ? ` · ${t("firm.needsInterpreter")}` : null}
      </p>
      {buyer.wants.length ? (
        <div>
          <p>{t("firm.wants")}</p>
          <ul>
            {buyer.wants.map((want) => (
              <li key={want.id}>
                {want.title}
                {want.hsCodes.length ? ` (HS ${want.hsCodes.join(", ")})` : ""}
                {want.quantity ? ` · ${want.quantity} ${want.unit ?? ""}` : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : buyer.interests.length ? (
        <p>{t("firm.interests", { codes: buyer.interests.join(", ") })}</p>
      ) : null}
    </>
  );
}

export default function FirmMeetings() {
  const { t } = useTranslation("meetings");
  const { edition, requests, others } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { lang } = useParams();
  return (
    <div className="stack-lg">
      <header className="stack">
        <h1>{t("firm.title", { fair: edition.name })}</h1>
        <p className="lead">{t("firm.intro")}</p>
        <p>
          <Link to={`/${lang}/meetings/${edition.slug}/firm/agenda`}>{t("agenda.open")}</Link> ·{" "}
          <Link to={`/${lang}/meetings/${edition.slug}/firm/outcomes`}>{t("outcome.open", { ns: "meetingReport" })}</Link>
        </p>
      </header>
      {actionData?.done ? (
        <p className="notice notice--success" role="status">
          {t(`done.${actionData.done}`)}
        </p>
      ) : null}
      <ActionErrors result={actionData?.result} />
      <section className="stack" aria-labelledby="meeting-requests">
        <h2 id="meeting-requests">{t("firm.requestsTitle")}</h2>
        {requests.length === 0 ? <p>{t("firm.noRequests")}</p> : null}
        <ul className="stack" data-testid="meeting-requests">
          {requests.map((buyer) => (
            <li key={buyer.buyerCompanyId} className="card stack" data-buyer={buyer.buyerCompanyId}>
              <BuyerSummary buyer={buyer} />
              <MeetingRequestActions counterpartId={buyer.buyerCompanyId} request={buyer.request} lastResult={actionData?.result} />
            </li>
          ))}
        </ul>
      </section>
      <section className="stack" aria-labelledby="registered-buyers">
        <h2 id="registered-buyers">{t("firm.othersTitle")}</h2>
        {others.length === 0 ? <p>{t("firm.noOthers")}</p> : null}
        <ul className="stack" data-testid="registered-buyers">
          {others.map((buyer) => (
            <li key={buyer.buyerCompanyId} className="card stack" data-buyer={buyer.buyerCompanyId}>
              <BuyerSummary buyer={buyer} />
              <MeetingRequestActions counterpartId={buyer.buyerCompanyId} request={null} lastResult={actionData?.result} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
