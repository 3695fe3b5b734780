import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useParams } from "@remix-run/react";
import { OutcomesPage } from "~/components/meeting-outcomes";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireFirmMember } from "~/modules/access/user.server";
import { getFirmMeetingEdition } from "~/modules/meeting/edition.server";
import { FirmOutcomeSchema } from "~/modules/meeting/outcome";
import { outcomesFor, recordOutcome } from "~/modules/meeting/outcome.server";
import { domainErrorReply, throwDomainError } from "~/utils/domain-error.server";
import { parseSubmission, readFormData } from "~/utils/form.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["meetingReport", "meetings", "validation"] };

/** A delegation firm records what came of each of its meetings, and updates it at its follow-ups. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const member = await requireFirmMember(request);
  const edition = await getFirmMeetingEdition(params.editionSlug ?? "", member.firmId, locale).catch(throwDomainError);
  const t = await getFixedT(locale, "meetingReport");
  return json({ title: t("outcome.title", { fair: edition.name }), edition, rows: await outcomesFor(edition, { side: "FIRM", firmId: member.firmId }, locale) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const member = await requireFirmMember(request);
  const edition = await getFirmMeetingEdition(params.editionSlug ?? "", member.firmId, locale).catch(throwDomainError);
  const submission = parseSubmission(await readFormData(request), { schema: FirmOutcomeSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), saved: false }, { status: 400 });
  try {
    await recordOutcome({ userId: member.id }, edition, { side: "FIRM", firmId: member.firmId, value: submission.value });
  } catch (error) {
    const { result, status } = domainErrorReply(error, submission);
    return json({ result, saved: false }, { status });
  }
  return json({ result: submission.reply(), saved: true });
}

export default function FirmOutcomes() {
  const { lang } = useParams();
  const { title, edition, rows } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <OutcomesPage side="FIRM" title={title} agendaHref={`/${lang}/meetings/${edition.slug}/firm/agenda`} rows={rows} actionData={actionData} />;
}
