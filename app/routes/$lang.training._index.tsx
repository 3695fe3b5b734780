import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountNav } from "~/components/account-nav";
import { ErrorList } from "~/components/forms";
import { TrainingMaterials } from "~/components/training-materials";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireFirmMember } from "~/modules/access/user.server";
import { RegistrationSchema } from "~/modules/training/training.schema";
import { cancelRegistration, joinWaitlist, listSessionsForFirm, registerForSession } from "~/modules/training/training.server";
import { domainErrorReply } from "~/utils/domain-error.server";
import { parseSubmission, readFormData } from "~/utils/form.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["training", "validation", "buyer", "import"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const member = await requireFirmMember(request);
  const t = await getFixedT(locale, "training");
  return json({ title: t("firm.title"), sessions: await listSessionsForFirm(member.firmId, locale) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUrlLocale(request, params.lang);
  const member = await requireFirmMember(request);
  const submission = parseSubmission(await readFormData(request), { schema: RegistrationSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), done: null, sessionId: null }, { status: 400 });
  const { intent, sessionId } = submission.value;
  try {
    let done: "register" | "waitlist" | "cancel" = intent;
    if (intent === "register") await registerForSession(sessionId, { firmId: member.firmId, actorId: member.id });
    else if (intent === "waitlist") done = (await joinWaitlist(sessionId, { firmId: member.firmId, actorId: member.id })) === "registered" ? "register" : "waitlist";
    else await cancelRegistration(sessionId, { firmId: member.firmId, actorId: member.id });
    return json({ result: submission.reply(), done, sessionId });
  } catch (error) {
    const { result, status } = domainErrorReply(error, submission);
    return json({ result, done: null, sessionId }, { status });
  }
}

export default function FirmTraining() {
  const { t } = useTranslation("training");
  const { lang } = useParams();
  const { sessions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="stack-lg">
      <AccountNav />
      <header className="stack">
        <h1>{t("firm.title")}</h1>
        <p className="lead">{t("firm.intro")}</p>
      </header>
      {actionData?.done ? (
        <p className="notice notice--success" role="status">
          {t(`firm.done.${actionData.done}`)}
        </p>
      ) : null}
      {actionData && !actionData.done ? <ErrorList errors={actionData.result?.error?.[""] ?? actionData.result?.error?.sessionId ?? actionData.result?.error?.intent} /> : null}
      {sessions.length === 0 ? (
        <p>{t("firm.empty")}</p>
      ) : (
        <ul className="stack" aria-label={t("firm.title")}>
          {sessions.map((session) => (
            <li key={session.id} className="card stack">
              <h2>{session.title}</h2>
              <p>{session.when}</p>
              {session.description ? <p>{session.description}</p> : null}
              {session.place ? <p>{t("place", { place: session.place })}</p> : null}
              {session.videoLink && session.registered ? <p>{t("online", { link: session.videoLink })}</p> : null}
              {session.cancelled ? (
                <p>
                  <span className="badge">{t("firm.cancelled")}</span>
                </p>
              ) : null}
              <p>
                {session.registered ? <span className="badge">{t("firm.registered")}</span> : null}
                {session.waiting ? <span className="badge">{t("firm.waiting")}</span> : null} {t("firm.seatsLeft", { count: session.seatsLeft })}
                {session.attended === true ? <span className="badge">{t("firm.attended")}</span> : null}
              </p>
              {session.open ? (
                <Form method="post">
                  <input type="hidden" name="sessionId" value={session.id} />
                  {session.registered || session.waiting ? (
                    <button type="submit" name="intent" value="cancel" className="button button--secondary">
                      {session.waiting ? t("firm.leaveWaitlist") : t("firm.cancel")}
                    </button>
                  ) : session.seatsLeft === 0 ? (
                    <button type="submit" name="intent" value="waitlist" className="button">
                      {t("firm.waitlist")}
                    </button>
                  ) : (
                    <button type="submit" name="intent" value="register" className="button">
                      {t("firm.register")}
                    </button>
                  )}
                </Form>
              ) : null}
              {session.registered ? (
                <p>
                  <a href={`/${lang}/training/${session.id}.ics`}>{t("firm.calendar")}</a>
                </p>
              ) : null}
              <TrainingMaterials lang={lang ?? "en"} sessionId={session.id} materials={session.materials} recordingUrl={session.recordingUrl} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
