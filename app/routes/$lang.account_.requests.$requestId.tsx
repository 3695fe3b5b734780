import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountNav } from "~/components/account-nav";
import { RequestForm } from "~/components/request-form";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requestFormOptions } from "~/modules/request/request-options.server";
import { RequestStatusSchema } from "~/modules/request/request.schema";
import { requireOwnRequest } from "~/modules/access/buyer.server";
import { getRequest, requestServerSchema, setRequestStatus, updateRequest } from "~/modules/request/request.server";
import { readFormData, parseSubmission } from "~/utils/form.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["buyer", "validation", "import", "matching"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const owned = await requireOwnRequest(request, params.requestId ?? "");
  const sourcingRequest = await getRequest(owned.requestId, locale);
  const t = await getFixedT(locale, "buyer");
  return json({ title: t("request.editTitle", { title: sourcingRequest.title }), request: sourcingRequest, ...(await requestFormOptions(locale)) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  // Authorises before reading the form: another company's request is a 404.
  const { user: buyer, requestId } = await requireOwnRequest(request, params.requestId ?? "");
  const stored = await getRequest(requestId, locale);
  const formData = await readFormData(request);
  if (formData.get("intent") === "close" || formData.get("intent") === "reopen") {
    const { intent } = RequestStatusSchema.parse({ intent: formData.get("intent") });
    await setRequestStatus(requestId, intent === "close" ? "CLOSED" : "OPEN", buyer);
    return json({ result: null, saved: intent });
  }
  const schema = await requestServerSchema({ today: new Date(), allowPastDeadline: stored.deadline });
  const submission = parseSubmission(formData, { schema });
  if (submission.status !== "success") return json({ result: submission.reply(), saved: null }, { status: 400 });
  await updateRequest(requestId, submission.value, buyer);
  return json({ result: submission.reply(), saved: "save" as const });
}

export default function EditRequest() {
  const { t } = useTranslation("buyer");
  const { t: tMatching } = useTranslation("matching");
  const { lang } = useParams();
  const { request, countries, certifications, units } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const closed = request.status === "CLOSED";
  return (
    <div className="stack-lg">
      <AccountNav />
      <p>
        <Link to={`/${lang}/account/requests`}>{t("request.back")}</Link>
      </p>
      <header className="stack">
        <h1>{request.title}</h1>
        <p>
          <span className={`badge ${closed ? "" : "badge--verified"}`}>{t(`status.${request.status}`)}</span> <span className="badge">{t(`visibility.${request.visibility}`)}</span>
        </p>
      </header>
      <p className="stack">
        <Link to={`/${lang}/account/requests/${request.id}/matches`} className="button">
          {tMatching("requestMatches.link")}
        </Link>
        <span className="field__hint">{tMatching("requestMatches.linkHint")}</span>
      </p>
      {actionData?.saved ? (
        <p className="notice notice--success" role="status">
          {t(`request.saved.${actionData.saved}`)}
        </p>
      ) : null}
      <Form method="post" className="actions">
        <input type="hidden" name="intent" value={closed ? "reopen" : "close"} />
        <button type="submit" className="button button--secondary" disabled={navigation.state === "submitting"}>
          {closed ? t("request.reopen") : t("request.close")}
        </button>
        <span className="field__hint">{closed ? t("request.reopenHint") : t("request.closeHint")}</span>
      </Form>
      <RequestForm
        key={request.updatedAt}
        id="edit-request"
        defaults={request}
        lastResult={actionData?.saved === null ? actionData.result : undefined}
        countries={countries}
        certifications={certifications}
        units={units}
        submitLabel={t("request.save")}
      />
    </div>
  );
}
