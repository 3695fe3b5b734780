import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AliasEditor, NameEditor, type ReferenceActionData } from "~/components/reference/reference-forms";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireBureau } from "~/modules/access/user.server";
import { addAlias, listReferenceData, renameAlias, renameReference, retireAlias } from "~/modules/reference/reference-admin.server";
import { formIdOf, intents, schemaOf, type Intent } from "~/modules/reference/reference-edit";
import { domainErrorReply } from "~/utils/domain-error.server";
import { parseSubmission, readFormData } from "~/utils/form.server";
import { invariantResponse } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["reference", "catalog", "validation"] };

/** Bureau → Reference data: towns, clusters and certifications with the aliases imports and search know them by. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireBureau(request);
  const t = await getFixedT(locale, "reference");
  return json({ title: t("title"), ...(await listReferenceData(locale)) }, { headers: { "Cache-Control": "private, no-store" } });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUrlLocale(request, params.lang);
  const staff = await requireBureau(request);
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  invariantResponse(typeof intent === "string" && (intents as readonly string[]).includes(intent), "Bad request");
  const submission = parseSubmission(formData, { schema: schemaOf[intent as Intent] });
  const target = Object.fromEntries(["kind", "id", "aliasId"].map((name) => [name, String(formData.get(name) ?? "").slice(0, 64)]));
  const formId = formIdOf(intent as Intent, target);
  if (submission.status !== "success") return json<ReferenceActionData>({ formId, result: submission.reply(), done: null }, { status: 400 });
  const actor = { id: staff.id };
  try {
    const value = submission.value;
    if (value.intent === "rename") await renameReference(value, actor);
    else if (value.intent === "addAlias") await addAlias(value, actor);
    else if (value.intent === "renameAlias") await renameAlias(value, actor);
    else await retireAlias(value.aliasId, actor);
  } catch (error) {
    const { result, status } = domainErrorReply(error, submission);
    return json<ReferenceActionData>({ formId, result, done: null }, { status });
  }
  return json<ReferenceActionData>({ formId, result: submission.reply({ resetForm: true }), done: intent });
}

export default function ReferenceData() {
  const { t } = useTranslation("reference");
  const { towns, clusters, certifications } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="stack-lg">
      <header className="stack">
        <h1>{t("title")}</h1>
        <p className="lead">{t("lead")}</p>
      </header>
      {actionData?.done ? (
        <p className="notice notice--success" role="status">
          {t(`done.${actionData.done}`)}
        </p>
      ) : null}

      <section aria-labelledby="towns-title" className="stack">
        <h2 id="towns-title">{t("towns")}</h2>
        {towns.map((town) => (
          <article key={town.id} className="card stack" aria-labelledby={`town-${town.id}`}>
            <h3 id={`town-${town.id}`}>
              {town.label} <span className="muted">({t("firms", { count: town.firms })})</span>
            </h3>
            <NameEditor kind="town" id={town.id} names={town.names} actionData={actionData} busy={busy} />
            <h4>{t("alias.title")}</h4>
            <AliasEditor kind="town" id={town.id} owner={town.label} aliases={town.aliases} actionData={actionData} busy={busy} />
          </article>
        ))}
      </section>

      <section aria-labelledby="clusters-title" className="stack">
        <h2 id="clusters-title">{t("clusters")}</h2>
        {clusters.map((cluster) => (
          <article key={cluster.id} className="card stack" aria-labelledby={`cluster-${cluster.id}`}>
            <h3 id={`cluster-${cluster.id}`}>
              {cluster.label} <span className="muted">({cluster.town ? `${cluster.town} · ` : ""}{t("firms", { count: cluster.firms })})</span>
            </h3>
            <NameEditor kind="cluster" id={cluster.id} names={cluster.names} hsHeadings={cluster.hsHeadings} actionData={actionData} busy={busy} />
            <h4>{t("alias.title")}</h4>
            <AliasEditor kind="cluster" id={cluster.id} owner={cluster.label} aliases={cluster.aliases} actionData={actionData} busy={busy} />
          </article>
        ))}
      </section>

      <section aria-labelledby="certifications-title" className="stack">
        <h2 id="certifications-title">{t("certifications")}</h2>
        {certifications.map((row) => (
          <article key={row.id} className="card stack" aria-labelledby={`certification-${row.id}`}>
            <h3 id={`certification-${row.id}`}>
              {row.id} <span className="muted">{row.label}</span>
            </h3>
            <AliasEditor kind="certification" id={row.id} owner={row.id} aliases={row.aliases} actionData={actionData} busy={busy} />
          </article>
        ))}
      </section>
    </div>
  );
}
