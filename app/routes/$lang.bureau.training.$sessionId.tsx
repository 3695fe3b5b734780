import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/forms";
import { TrainingMaterials } from "~/components/training-materials";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireBureau } from "~/modules/access/user.server";
import { SessionPageSchema } from "~/modules/training/training.schema";
import { cancelTrainingSession } from "~/modules/training/session-changes.server";
import { deleteTrainingSession, materialsPageFor } from "~/modules/training/materials.server";
import { getSessionForBureau, recordAttendance } from "~/modules/training/training.server";
import { domainErrorReply } from "~/utils/domain-error.server";
import { parseSubmission, readFormData } from "~/utils/form.server";
import { notFound } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";
import { parseQuery } from "~/utils/query";
import { z } from "zod";

const PageQuery = z.object({ saved: z.enum(["told", "quiet"]).optional().catch(undefined) });

export const handle = { i18n: ["training", "validation"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireBureau(request);
  const session = await getSessionForBureau(params.sessionId ?? "", locale);
  if (!session) notFound();
  const { saved } = parseQuery(request, PageQuery);
  const materials = await materialsPageFor(session.id);
  return json({ title: session.title, session, materials: materials?.materials ?? [], recordingUrl: materials?.session.recordingUrl ?? null, started: new Date(session.startsAt) <= new Date(), edited: saved ?? null });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const staff = await requireBureau(request);
  const submission = parseSubmission(await readFormData(request), { schema: SessionPageSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), saved: false, cancelled: false }, { status: 400 });
  const value = submission.value;
  try {
    if (value.intent === "cancelSession") {
      await cancelTrainingSession(params.sessionId ?? "", { actorId: staff.id });
      return json({ result: submission.reply(), saved: false, cancelled: true });
    }
    if (value.intent === "deleteSession") {
      await deleteTrainingSession(params.sessionId ?? "", { actorId: staff.id });
      return redirect(`/${locale}/bureau/training`);
    }
    await recordAttendance(params.sessionId ?? "", { attendedIds: value.attended, actorId: staff.id });
    return json({ result: submission.reply(), saved: true, cancelled: false });
  } catch (error) {
    const { result, status } = domainErrorReply(error, submission);
    return json({ result, saved: false, cancelled: false }, { status });
  }
}

export default function BureauTrainingSession() {
  const { t } = useTranslation("training");
  const { lang } = useParams();
  const { session, started, edited, materials, recordingUrl } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { figures } = session;
  return (
    <div className="stack-lg">
      <p>
        <Link to={`/${lang}/bureau/training`}>{t("bureau.back")}</Link>
      </p>
      <header className="stack">
        <h1>{session.title}</h1>
        <p>{session.when}</p>
        {session.place ? <p>{t("place", { place: session.place })}</p> : null}
        {session.videoLink ? <p>{t("online", { link: session.videoLink })}</p> : null}
        {session.cancelled ? (
          <p className="notice notice--danger" role="status">
            {t("bureau.cancelled")}
          </p>
        ) : null}
        <p>{t("bureau.seats", { registered: figures.registered, capacity: session.capacity })}</p>
        <p>{session.audience === null ? t("bureau.audienceAll") : t("bureau.audience", { count: session.audience })}</p>
        {session.waiting > 0 ? <p>{t("bureau.waiting", { count: session.waiting })}</p> : null}
        {figures.attended + figures.absent > 0 ? <p>{t("bureau.attendance", { attended: figures.attended, absent: figures.absent, unrecorded: figures.unrecorded })}</p> : null}
      </header>
      {edited ? (
        <p className="notice notice--success" role="status">
          {t(edited === "told" ? "bureau.saved" : "bureau.savedQuiet")}
        </p>
      ) : null}
      {actionData?.cancelled ? (
        <p className="notice notice--success" role="status">
          {t("bureau.cancelled")}
        </p>
      ) : null}
      {!session.cancelled && !started ? (
        <section className="stack">
          <p>
            <Link className="button button--secondary" to={`/${lang}/bureau/training/${session.id}/edit`}>
              {t("bureau.edit")}
            </Link>
          </p>
          <Form method="post" className="stack">
            <p className="field__hint">{t("bureau.cancelHint")}</p>
            <p>
              <button type="submit" name="intent" value="cancelSession" className="button button--danger">
                {t("bureau.cancelSession")}
              </button>
            </p>
          </Form>
        </section>
      ) : null}
      <section className="stack">
        <TrainingMaterials lang={lang ?? "en"} sessionId={session.id} materials={materials} recordingUrl={recordingUrl} headingLevel={2} />
        <p>
          <Link className="button button--secondary" to={`/${lang}/bureau/training/${session.id}/materials`}>
            {t("materials.manage")}
          </Link>
        </p>
      </section>
      {session.cancelled || figures.registered + session.waiting === 0 ? (
        <Form method="post" className="stack">
          <p className="field__hint">{t("materials.deleteHint")}</p>
          <p>
            <button type="submit" name="intent" value="deleteSession" className="button button--danger">
              {t("materials.deleteSession")}
            </button>
          </p>
        </Form>
      ) : null}
      {actionData?.saved ? (
        <p className="notice notice--success" role="status">
          {t("bureau.attendanceSaved")}
        </p>
      ) : null}
      <ErrorList errors={actionData?.result?.error?.[""] ?? actionData?.result?.error?.attended} />
      {session.registrants.length === 0 ? (
        <p>{t("bureau.noRegistrants")}</p>
      ) : (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="attendance" />
          <table className="table">
            <caption>{t("bureau.registrants")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.firm")}</th>
                <th scope="col">{t("columns.attended")}</th>
              </tr>
            </thead>
            <tbody>
              {session.registrants.map((row) => (
                <tr key={row.id}>
                  <td>{row.firmName}</td>
                  <td>
                    <label className="checkbox">
                      <input type="checkbox" name="attended" value={row.id} defaultChecked={row.attended === true} disabled={!started} /> {t("bureau.present")}
                    </label>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {started ? (
            <p>
              <button type="submit" className="button">
                {t("bureau.saveAttendance")}
              </button>
            </p>
          ) : (
            <p className="field__hint">{t("bureau.attendanceLater")}</p>
          )}
        </Form>
      )}
    </div>
  );
}
