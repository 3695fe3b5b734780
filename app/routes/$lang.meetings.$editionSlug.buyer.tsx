import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActionErrors, MeetingRequestActions, RegistrationForm, ReasonList } from "~/components/meetings";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireBuyerCompany } from "~/modules/access/buyer.server";
import { getMeetingEdition } from "~/modules/meeting/edition.server";
import { askToMeet, respondToRequest, sweepExpiredRequests } from "~/modules/meeting/meeting-requests.server";
import { buyerMeetingView } from "~/modules/meeting/meeting-views.server";
import { registrationOptions } from "~/modules/meeting/options.server";
import { cancelRegistration, getRegistration, saveRegistration } from "~/modules/meeting/registration.server";
import { registrationSchema } from "~/modules/meeting/registration.schema";
import { AskSchema, CancelRegistrationSchema, meetingIntent, RespondSchema } from "~/modules/meeting/request.schema";
import { domainErrorReply, throwDomainError } from "~/utils/domain-error.server";
import { readFormData, parseSubmission } from "~/utils/form.server";
import { selfBookingOpen } from "~/modules/meeting/self-booking.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["meetings", "meetingReport", "matching", "validation"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const buyer = await requireBuyerCompany(request);
  const edition = await getMeetingEdition(params.editionSlug ?? "", locale).catch(throwDomainError);
  await sweepExpiredRequests();
  const registration = await getRegistration(edition.id, buyer.buyerCompanyId);
  const registered = !!registration && !registration.cancelledAt;
  const t = await getFixedT(locale, "meetings");
  return json({
    title: t("buyer.title", { fair: edition.name }),
    edition,
    registration,
    registered,
    options: registrationOptions(edition, locale),
    firms: registered ? await buyerMeetingView(edition, buyer.buyerCompanyId, locale) : [],
    selfBooking: registered && (await selfBookingOpen(edition.id)),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const buyer = await requireBuyerCompany(request);
  const edition = await getMeetingEdition(params.editionSlug ?? "", locale).catch(throwDomainError);
  const formData = await readFormData(request);
  const actor = { userId: buyer.id, buyerCompanyId: buyer.buyerCompanyId };
  const intent = meetingIntent(formData.get("intent")) ?? "register";
  if (intent === "register") {
    const submission = parseSubmission(formData, { schema: registrationSchema(edition) });
    if (submission.status !== "success") return json({ intent, result: submission.reply(), done: null }, { status: 400 });
    try {
      await saveRegistration(actor, edition, submission.value);
    } catch (error) {
      const { result, status } = domainErrorReply(error, submission);
      return json({ intent, result, done: null }, { status });
    }
    return json({ intent, result: submission.reply(), done: "registered" as const });
  }
  if (intent === "cancel") {
    const submission = parseSubmission(formData, { schema: CancelRegistrationSchema });
    if (submission.status !== "success") return json({ intent, result: submission.reply(), done: null }, { status: 400 });
    try {
      await cancelRegistration(actor, edition);
    } catch (error) {
      const { result, status } = domainErrorReply(error, submission);
      return json({ intent, result, done: null }, { status });
    }
    return json({ intent, result: submission.reply(), done: "cancelled" as const });
  }
  if (intent === "ask") {
    const submission = parseSubmission(formData, { schema: AskSchema });
    if (submission.status !== "success") return json({ intent, result: submission.reply(), done: null }, { status: 400 });
    try {
      const asked = await askToMeet({ ...actor, side: "BUYER" }, edition, submission.value.counterpartId, submission.value.message);
      return json({ intent, result: submission.reply({ resetForm: true }), done: asked.mutual ? ("agreed" as const) : ("asked" as const) });
    } catch (error) {
      const { result, status } = domainErrorReply(error, submission);
      return json({ intent, result, done: null }, { status });
    }
  }
  const submission = parseSubmission(formData, { schema: RespondSchema });
  if (submission.status !== "success") return json({ intent, result: submission.reply(), done: null }, { status: 400 });
  try {
    const answered = await respondToRequest({ ...actor, side: "BUYER" }, edition, submission.value.requestId, submission.value.intent);
    return json({ intent, result: submission.reply(), done: answered.status === "ACCEPTED" ? ("agreed" as const) : ("declined" as const) });
  } catch (error) {
    const { result, status } = domainErrorReply(error, submission);
    return json({ intent, result, done: null }, { status });
  }
}

export default function BuyerMeetings() {
  const { t } = useTranslation("meetings");
  const { edition, registration, registered, options, firms, selfBooking } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { lang } = useParams();
  return (
    <div className="stack-lg">
      <header className="stack">
        <h1>{t("buyer.title", { fair: edition.name })}</h1>
        <p className="lead">{t("buyer.intro", { start: edition.startsOn, end: edition.endsOn, zone: edition.timeZone })}</p>
        <p>
          <Link to={`/${lang}/meetings/${edition.slug}/buyer/agenda`}>{t("agenda.open")}</Link> ·{" "}
          <Link to={`/${lang}/meetings/${edition.slug}/buyer/outcomes`}>{t("outcome.open", { ns: "meetingReport" })}</Link>
        </p>
      </header>
      {actionData?.done ? (
        <p className="notice notice--success" role="status">
          {t(`done.${actionData.done}`)}
        </p>
      ) : null}
      <ActionErrors result={actionData && actionData.intent !== "register" && actionData.intent !== "cancel" ? actionData.result : undefined} />
      <RegistrationForm
        registration={registration}
        registered={registered}
        options={options}
        lastResult={actionData && (actionData.intent === "register" || actionData.intent === "cancel") ? actionData.result : undefined}
        disabled={edition.past}
      />
      {registered ? (
        <section className="stack" aria-labelledby="delegation-firms">
          <h2 id="delegation-firms">{t("buyer.firmsTitle")}</h2>
          <p>{t("buyer.firmsIntro")}</p>
          {firms.length === 0 ? <p>{t("buyer.noFirms")}</p> : null}
          <ul className="stack" data-testid="meeting-firms">
            {firms.map((firm) => (
              <li key={firm.firmId} className="card stack" data-firm={firm.firmId}>
                <h3>
                  {firm.name} {firm.score > 0 ? <span className="badge">{t("score", { score: firm.score })}</span> : null}
                </h3>
                {firm.products.length ? <p>{firm.products.map((product) => product.name).join(" · ")}</p> : null}
                <ReasonList reasons={firm.reasons} />
                {selfBooking ? (
                  <p>
                    <Link to={`/${lang}/meetings/${edition.slug}/buyer/book/${firm.firmId}`}>{t("booking.open")}</Link>
                  </p>
                ) : null}
                <MeetingRequestActions counterpartId={firm.firmId} request={firm.request} lastResult={actionData && actionData.intent !== "register" && actionData.intent !== "cancel" ? actionData.result : undefined} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
