import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FormattedDate, FormattedNumber } from "~/components/formatted";
import { Figures } from "~/components/figures";
import { ErrorList, TextareaField } from "~/components/forms";
import { TableWrap } from "~/components/table-wrap";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { SynonymGroupSchema } from "~/modules/search/synonym.schema";
import {
  addSynonymGroup,
  deleteSynonymGroup,
  listSynonymGroups,
  retryParkedChanges,
  searchStatus,
} from "~/modules/search/status.server";
import { requireBureau } from "~/modules/access/user.server";
import { domainErrorReply } from "~/utils/domain-error.server";
import { invariantResponse } from "~/utils/http.server";
import { readFormData, parseSubmission } from "~/utils/form.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["search", "bureau", "validation"] };

/**
 * Search as the bureau sees it: the engine's state, changes waiting or
 * failed (with a retry), each index against the database, and the
 * cross-language vocabulary, which staff extend here.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireBureau(request);
  const t = await getFixedT(locale, "search");
  const [status, vocabulary] = await Promise.all([searchStatus(), listSynonymGroups()]);
  return json({ title: t("status.title"), status, vocabulary }, { headers: { "Cache-Control": "private, no-store" } });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

const OtherIntents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("retry"), id: z.string().max(20).optional() }),
  z.object({ intent: z.literal("deleteSynonyms"), id: z.string().min(1).max(40) }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUrlLocale(request, params.lang);
  const staff = await requireBureau(request);
  const formData = await readFormData(request);
  if (formData.get("intent") === "addSynonyms") {
    const submission = parseSubmission(formData, { schema: SynonymGroupSchema });
    if (submission.status !== "success") return json({ result: submission.reply(), done: null }, { status: 400 });
    try {
      await addSynonymGroup(submission.value.terms, staff.id);
    } catch (error) {
      const { result, status } = domainErrorReply(error, submission);
      return json({ result, done: null }, { status });
    }
    return json({ result: submission.reply({ resetForm: true }), done: "added" as const });
  }
  const parsed = OtherIntents.safeParse(Object.fromEntries(formData));
  invariantResponse(parsed.success, "Bad request");
  if (parsed.data.intent === "retry") {
    const count = await retryParkedChanges(staff.id, parsed.data.id || undefined);
    return json({ result: null, done: "retried" as const, count });
  }
  const deleted = await deleteSynonymGroup(parsed.data.id, staff.id);
  invariantResponse(deleted, "Not found", { status: 404 });
  return json({ result: null, done: "deleted" as const });
}

export default function BureauSearchPage() {
  const { t } = useTranslation("search");
  const { status, vocabulary } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "synonyms",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SynonymGroupSchema }),
    shouldValidate: "onBlur",
  });
  const busy = navigation.state === "submitting";
  return (
    <div className="stack-lg">
      <header className="stack">
        <h1>{t("status.title")}</h1>
        <p className="lead">{t("status.lead")}</p>
      </header>
      {actionData?.done ? (
        <p className="notice notice--success" role="status">
          {t(`status.done.${actionData.done}`, { count: "count" in actionData ? actionData.count : 0 })}
        </p>
      ) : null}

      <Figures
        label={t("status.figures")}
        figures={[
          { label: t("status.engine"), value: status.reachable ? t("status.up") : t("status.down") },
          { label: t("status.pending"), value: status.backlog.pending },
          { label: t("status.parked"), value: status.backlog.parked },
        ]}
      />
      {status.backlog.oldestPendingAt ? (
        <p>
          {t("status.oldest")} <FormattedDate value={status.backlog.oldestPendingAt} />
        </p>
      ) : null}

      <section aria-labelledby="indexes-title" className="card stack">
        <h2 id="indexes-title">{t("status.indexes")}</h2>
        <TableWrap label={t("status.indexes")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("status.index")}</th>
                <th scope="col">{t("status.records")}</th>
                <th scope="col">{t("status.documents")}</th>
                <th scope="col">{t("status.builtAt")}</th>
                <th scope="col">{t("status.state")}</th>
              </tr>
            </thead>
            <tbody>
              {status.indexes.map((index) => (
                <tr key={index.index}>
                  <th scope="row">{t(`status.indexNames.${index.index}`)}</th>
                  <td>{index.records === null ? "—" : <FormattedNumber value={index.records} />}</td>
                  <td>{index.documents === null ? "—" : <FormattedNumber value={index.documents} />}</td>
                  <td>{index.builtAt ? <FormattedDate value={index.builtAt} /> : "—"}</td>
                  <td>
                    {index.documents === null
                      ? t("status.missing")
                      : !index.settingsCurrent
                        ? t("status.rebuilding")
                        : index.records !== null && index.records !== index.documents && status.backlog.pending === 0
                          ? t("status.differs")
                          : t("status.inStep")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        <p className="muted">{t("status.reindexHint")}</p>
      </section>

      <section aria-labelledby="parked-title" className="card stack">
        <h2 id="parked-title">{t("status.parkedTitle")}</h2>
        {status.parked.length === 0 ? (
          <p>{t("status.noneParked")}</p>
        ) : (
          <>
            <Form method="post">
              <input type="hidden" name="intent" value="retry" />
              <button type="submit" className="button" disabled={busy}>
                {t("status.retryAll")}
              </button>
            </Form>
            <TableWrap label={t("status.parkedTitle")}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("status.record")}</th>
                    <th scope="col">{t("status.attempts")}</th>
                    <th scope="col">{t("status.error")}</th>
                    <th scope="col">{t("status.since")}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t("status.retry")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {status.parked.map((row) => (
                    <tr key={row.id}>
                      <td>
                        {t(`status.entities.${row.entityType}`, { defaultValue: row.entityType })} <span className="mono">{row.entityId}</span>
                      </td>
                      <td>{row.attempts}</td>
                      <td className="mono">{row.lastError ?? "—"}</td>
                      <td>
                        <FormattedDate value={row.createdAt} />
                      </td>
                      <td>
                        <Form method="post">
                          <input type="hidden" name="intent" value="retry" />
                          <input type="hidden" name="id" value={row.id} />
                          <button type="submit" className="button button--small button--secondary" disabled={busy}>
                            {t("status.retry")}
                          </button>
                        </Form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </>
        )}
      </section>

      <section aria-labelledby="vocabulary-title" className="card stack">
        <h2 id="vocabulary-title">{t("vocabulary.title")}</h2>
        <p>{t("vocabulary.lead")}</p>
        <Form method="post" {...getFormProps(form)} className="stack">
          <ErrorList id={form.errorId} errors={form.errors} />
          <input type="hidden" name="intent" value="addSynonyms" />
          <TextareaField
            label={t("vocabulary.terms")}
            hint={t("vocabulary.termsHint")}
            textareaProps={{ ...getTextareaProps(fields.terms), rows: 3 }}
            errors={fields.terms.errors}
          />
          <p>
            <button type="submit" className="button" disabled={busy}>
              {t("vocabulary.add")}
            </button>
          </p>
        </Form>
        <h3>{t("vocabulary.added")}</h3>
        {vocabulary.added.length === 0 ? (
          <p>{t("vocabulary.noneAdded")}</p>
        ) : (
          <ul className="stack">
            {vocabulary.added.map((group) => (
              <li key={group.id} className="synonym-group">
                <span>{group.terms.join(" · ")}</span>{" "}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="deleteSynonyms" />
                  <input type="hidden" name="id" value={group.id} />
                  <button type="submit" className="button button--small button--quiet" disabled={busy} aria-label={t("vocabulary.removeGroup", { terms: group.terms.join(", ") })}>
                    {t("vocabulary.remove")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <details>
          <summary>{t("vocabulary.base", { count: vocabulary.base.length })}</summary>
          <ul className="plain-list">
            {vocabulary.base.map((group) => (
              <li key={group.join("|")}>{group.join(" · ")}</li>
            ))}
          </ul>
        </details>
      </section>
    </div>
  );
}
