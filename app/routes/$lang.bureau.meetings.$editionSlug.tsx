import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActionErrors } from "~/components/meetings";
import { GridForm, ScheduleTable, UnscheduledList, ScheduleActions } from "~/components/meeting-schedule";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireBureau } from "~/modules/access/user.server";
import { bureauIntent, LockSchema, MoveSchema, RunSchema, SelfBookingSchema } from "~/modules/meeting/bureau.schema";
import { setSelfBooking } from "~/modules/meeting/self-booking.server";
import { SelfBookingSwitch } from "~/components/meeting-booking";
import { getMeetingEdition } from "~/modules/meeting/edition.server";
import { gridSchema, interpretersText } from "~/modules/meeting/grid";
import { moveMeeting, publishSchedule, runScheduler, saveGrid, scheduleView, setMeetingLocked } from "~/modules/meeting/schedule-run.server";
import { registrationOptions } from "~/modules/meeting/options.server";
import { domainErrorReply, throwDomainError } from "~/utils/domain-error.server";
import { readFormData, parseSubmission } from "~/utils/form.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["meetings", "meetingReport", "validation"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireBureau(request);
  const edition = await getMeetingEdition(params.editionSlug ?? "", locale).catch(throwDomainError);
  const view = await scheduleView(edition, locale);
  const t = await getFixedT(locale, "meetings");
  return json({
    title: t("bureau.title", { fair: edition.name }),
    edition,
    ...view,
    interpretersText: interpretersText(view.grid.interpreters),
    days: registrationOptions(edition, locale).days,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const staff = await requireBureau(request);
  const edition = await getMeetingEdition(params.editionSlug ?? "", locale).catch(throwDomainError);
  const formData = await readFormData(request);
  const actor = { userId: staff.id };
  const intent = bureauIntent(formData.get("intent")) ?? "grid";
  if (intent === "grid") {
    const submission = parseSubmission(formData, { schema: gridSchema(edition) });
    if (submission.status !== "success") return json({ intent, result: submission.reply(), done: null }, { status: 400 });
    await saveGrid(actor, edition, submission.value);
    return json({ intent, result: submission.reply(), done: "gridSaved" as const });
  }
  if (intent === "run" || intent === "publish") {
    const submission = parseSubmission(formData, { schema: RunSchema });
    if (submission.status !== "success") return json({ intent, result: submission.reply(), done: null }, { status: 400 });
    try {
      if (intent === "run") await runScheduler(actor, edition);
      else await publishSchedule(actor, edition);
    } catch (error) {
      const { result, status } = domainErrorReply(error, submission);
      return json({ intent, result, done: null }, { status });
    }
    return json({ intent, result: submission.reply(), done: intent === "run" ? ("scheduled" as const) : ("published" as const) });
  }
  if (intent === "selfBooking") {
    const submission = parseSubmission(formData, { schema: SelfBookingSchema });
    if (submission.status !== "success") return json({ intent, result: submission.reply(), done: null }, { status: 400 });
    try {
      await setSelfBooking(actor, edition, submission.value.selfBooking === "on");
    } catch (error) {
      const { result, status } = domainErrorReply(error, submission);
      return json({ intent, result, done: null }, { status });
    }
    return json({ intent, result: submission.reply(), done: submission.value.selfBooking === "on" ? ("selfBookingOn" as const) : ("selfBookingOff" as const) });
  }
  if (intent === "move") {
    const submission = parseSubmission(formData, { schema: MoveSchema });
    if (submission.status !== "success") return json({ intent, result: submission.reply(), done: null }, { status: 400 });
    try {
      await moveMeeting(actor, edition, submission.value.meetingId, { slotId: submission.value.slotId, table: submission.value.table || null });
    } catch (error) {
      const { result, status } = domainErrorReply(error, submission);
      return json({ intent, result, done: null }, { status });
    }
    return json({ intent, result: submission.reply(), done: "moved" as const });
  }
  const submission = parseSubmission(formData, { schema: LockSchema });
  if (submission.status !== "success") return json({ intent, result: submission.reply(), done: null }, { status: 400 });
  try {
    await setMeetingLocked(actor, edition, submission.value.meetingId, submission.value.intent === "lock");
  } catch (error) {
    const { result, status } = domainErrorReply(error, submission);
    return json({ intent, result, done: null }, { status });
  }
  return json({ intent, result: submission.reply(), done: submission.value.intent === "lock" ? ("locked" as const) : ("unlocked" as const) });
}

export default function BureauMeetings() {
  const { t } = useTranslation("meetings");
  const { lang } = useParams();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="stack-lg">
      <header className="stack">
        <h1>{t("bureau.title", { fair: data.edition.name })}</h1>
        <p className="lead">{t("bureau.intro", { zone: data.edition.timeZone })}</p>
        <p>
          <Link to={`/${lang}/bureau/meetings/${data.edition.slug}/report`}>{t("report.open", { ns: "meetingReport" })}</Link>
        </p>
        <p>
          <span className="badge" data-status={data.grid.status}>
            {t(`bureau.status.${data.grid.status}`)}
          </span>
        </p>
      </header>
      {actionData?.done ? (
        <p className="notice notice--success" role="status">
          {t(`done.${actionData.done}`)}
        </p>
      ) : null}
      <ActionErrors result={actionData && actionData.intent !== "grid" ? actionData.result : undefined} />
      <GridForm grid={data.grid} interpretersText={data.interpretersText} days={data.days} lastResult={actionData?.intent === "grid" ? actionData.result : undefined} />
      <ScheduleActions canPublish={!!data.grid.lastRunAt} />
      <SelfBookingSwitch on={data.grid.selfBooking} />
      <ScheduleTable meetings={data.meetings} slots={data.slots} tables={data.tables} />
      <UnscheduledList unscheduled={data.unscheduled} />
    </div>
  );
}
