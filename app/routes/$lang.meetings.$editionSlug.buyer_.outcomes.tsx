import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useParams } from "@remix-run/react";
import { OutcomesPage } from "~/components/meeting-outcomes";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireBuyerCompany } from "~/modules/access/buyer.server";
import { getMeetingEdition } from "~/modules/meeting/edition.server";
import { BuyerOutcomeSchema } from "~/modules/meeting/outcome";
import { outcomesFor, recordOutcome } from "~/modules/meeting/outcome.server";
import { domainErrorReply, throwDomainError } from "~/utils/domain-error.server";
import { parseSubmission, readFormData } from "~/utils/form.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["meetingReport", "meetings", "validation"] };

/** A buyer says whether each meeting took place and rates it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const buyer = await requireBuyerCompany(request);
  const edition = await getMeetingEdition(params.editionSlug ?? "", locale).catch(throwDomainError);
  const t = await getFixedT(locale, "meetingReport");
  return json({ title: t("outcome.title", { fair: edition.name }), edition, rows: await outcomesFor(edition, { side: "BUYER", buyerCompanyId: buyer.buyerCompanyId }, locale) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const buyer = await requireBuyerCompany(request);
  const edition = await getMeetingEdition(params.editionSlug ?? "", locale).catch(throwDomainError);
  const submission = parseSubmission(await readFormData(request), { schema: BuyerOutcomeSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), saved: false }, { status: 400 });
  try {
    await recordOutcome({ userId: buyer.id }, edition, { side: "BUYER", buyerCompanyId: buyer.buyerCompanyId, value: submission.value });
  } catch (error) {
    const { result, status } = domainErrorReply(error, submission);
    return json({ result, saved: false }, { status });
  }
  return json({ result: submission.reply(), saved: true });
}

export default function BuyerOutcomes() {
  const { lang } = useParams();
  const { title, edition, rows } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <OutcomesPage side="BUYER" title={title} agendaHref={`/${lang}/meetings/${edition.slug}/buyer/agenda`} rows={rows} actionData={actionData} />;
}
