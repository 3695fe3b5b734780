import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireBureau } from "~/modules/access/user.server";
import { getCallWorkspace, eligibilityOptions } from "~/modules/delegation/bureau-view.server";
import { createCall, moveCall, updateCall } from "~/modules/delegation/calls.server";
import { callTermsEditable } from "~/modules/delegation/lifecycle";
import { CallSchema } from "~/modules/delegation/call.schema";
import { prepareCallForm, toZonedInput } from "~/modules/delegation/call-form";
import { MoveCallSchema } from "~/modules/delegation/bureau.schema";
import { defaultScoreWeights } from "~/modules/delegation/scoring";
import { CallForm, type CallFormValues } from "~/components/delegation/call-form";
import { ErrorList } from "~/components/forms";
import { FormattedDateTime } from "~/components/formatted";
import { domainErrorReply, throwDomainError } from "~/utils/domain-error.server";
import { parseSubmission, readFormData } from "~/utils/form.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["delegation", "validation"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireBureau(request);
  const { edition, call } = await getCallWorkspace(params.slug ?? "", locale).catch(throwDomainError);
  const zone = edition.timeZone;
  // A new call opens now and closes eight weeks before the fair, with one standard booth.
  const closes = new Date(new Date(`${edition.startsOn}T18:00:00Z`).getTime() - 56 * 86_400_000);
  const defaults: CallFormValues = call
    ? { ...call, opensAt: toZonedInput(call.opensAt, zone), deadline: toZonedInput(call.deadline, zone) }
    : {
        opensAt: toZonedInput(new Date(), zone),
        deadline: toZonedInput(closes, zone),
        quota: 20,
        townIds: [],
        clusterIds: [],
        verifiedOnly: true,
        minProducts: 1,
        boothTypes: [{ code: "STD", name: "Standard 3×3", widthM: 3, depthM: 3, feeCny: 18_000 }],
        subsidySharePercent: 50,
        subsidyCapCny: 10_000,
        documentsAsked: [],
        weights: defaultScoreWeights,
      };
  return json({ title: edition.shortName, edition, call, defaults, ...(await eligibilityOptions(locale)) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const staff = await requireBureau(request);
  const { edition, call } = await getCallWorkspace(params.slug ?? "", locale).catch(throwDomainError);
  const formData = await readFormData(request);
  const actor = { userId: staff.id };
  if (formData.get("intent") === "move") {
    const submission = parseSubmission(formData, { schema: MoveCallSchema });
    if (submission.status !== "success" || !call) return json({ intent: "move" as const, result: submission.reply(), done: null }, { status: 400 });
    try {
      await moveCall(actor, call.id, submission.value.to);
    } catch (error) {
      const { result, status } = domainErrorReply(error, submission);
      return json({ intent: "move" as const, result, done: null }, { status });
    }
    return json({ intent: "move" as const, result: submission.reply(), done: "moved" as const });
  }
  const submission = parseSubmission(prepareCallForm(formData, edition.timeZone), { schema: CallSchema });
  if (submission.status !== "success") return json({ intent: "save" as const, result: submission.reply(), done: null }, { status: 400 });
  try {
    if (call) await updateCall(actor, call.id, submission.value);
    else await createCall(actor, edition.id, submission.value);
  } catch (error) {
    const { result, status } = domainErrorReply(error, submission);
    return json({ intent: "save" as const, result, done: null }, { status });
  }
  return json({ intent: "save" as const, result: submission.reply(), done: "saved" as const });
}

export default function CallPage() {
  const { t } = useTranslation("delegation");
  const { lang } = useParams();
  const { edition, call, defaults, towns, clusters } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <div className="stack-lg">
      <p>
        <Link to={`/${lang}/bureau/fairs`}>{t("fairs.back")}</Link>
      </p>
      <header className="stack">
        <h1>{t("call.title", { edition: edition.shortName })}</h1>
        <p className="lead">{edition.name}</p>
        {call ? (
          <p>
            <span className={`badge badge--call-${call.status.toLowerCase()}`}>{t(`callStatus.${call.status}`)}</span>{" "}
            {t("call.deadlineIs")} <FormattedDateTime value={call.deadline} /> ·{" "}
            <Link to={`/${lang}/bureau/fairs/${edition.slug}/applications`}>{t("fairs.ranking")}</Link>
          </p>
        ) : (
          <p className="notice">{t("call.none")}</p>
        )}
      </header>
      {actionData?.done ? (
        <p className="notice notice--success" role="status">
          {t(`call.done.${actionData.done}`)}
        </p>
      ) : null}
      {call ? (
        <section className="card stack" aria-labelledby="lifecycle-title">
          <h2 id="lifecycle-title">{t("call.lifecycle")}</h2>
          <ol className="steps">
            {(["DRAFT", "OPEN", "CLOSED", "SELECTED", "ROSTER_PUBLISHED", "FINISHED"] as const).map((status) => (
              <li key={status} aria-current={status === call.status ? "step" : undefined}>
                {status === call.status ? <strong>{t(`callStatus.${status}`)}</strong> : t(`callStatus.${status}`)}
              </li>
            ))}
          </ol>
          {actionData?.intent === "move" ? <ErrorList errors={actionData.result?.error?.[""] ?? actionData.result?.error?.to} /> : null}
          <div className="cluster">
            {call.next.map((to) => (
              <Form method="post" key={to}>
                <input type="hidden" name="intent" value="move" />
                <input type="hidden" name="to" value={to} />
                <button type="submit" className="button button--secondary" disabled={navigation.state === "submitting"}>
                  {t(`call.move.${to}`)}
                </button>
              </Form>
            ))}
          </div>
        </section>
      ) : null}
      <CallForm
        lastResult={actionData?.intent === "save" ? actionData.result : undefined}
        defaultValue={defaults}
        timeZone={edition.timeZone}
        towns={towns}
        clusters={clusters}
        editable={!call || callTermsEditable(call.status)}
        submitLabel={call ? t("call.save") : t("call.create")}
      />
    </div>
  );
}
