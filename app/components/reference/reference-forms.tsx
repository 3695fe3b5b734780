import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field } from "~/components/forms";

/** The action's answer: the reply of the one form it concerns, known by its id. */
export interface ReferenceActionData {
  formId: string | null;
  result: SubmissionResult<string[]> | null;
  done: string | null;
}

function useReply(formId: string, actionData: ReferenceActionData | undefined) {
  return useForm({ id: formId, lastResult: actionData?.formId === formId ? actionData.result : undefined });
}

export interface AliasRow {
  id: string;
  alias: string;
  origin: string;
}

/** One alias: written differently, or retired. */
function AliasItem({ row, owner, actionData, busy }: { row: AliasRow; owner: string; actionData?: ReferenceActionData; busy: boolean }) {
  const { t } = useTranslation("reference");
  const [form, fields] = useReply(`alias-${row.id}`, actionData);
  return (
    <li className="reference-alias">
      <Form method="post" {...getFormProps(form)} className="inline-form">
        <ErrorList id={form.errorId} errors={form.errors} />
        <input type="hidden" name="aliasId" value={row.id} />
        <Field
          label={t("alias.spelling", { alias: row.alias })}
          inputProps={{ ...getInputProps(fields.alias, { type: "text" }), defaultValue: (fields.alias.initialValue as string | undefined) ?? row.alias }}
          errors={fields.alias.errors}
        />
        <button type="submit" name="intent" value="renameAlias" className="button button--small button--secondary" disabled={busy}>
          {t("alias.rename")}
        </button>{" "}
        <button type="submit" name="intent" value="retireAlias" className="button button--small button--quiet" disabled={busy} aria-label={t("alias.retireNamed", { alias: row.alias, owner })}>
          {t("alias.retire")}
        </button>
      </Form>
    </li>
  );
}

/** The aliases of one town, cluster or certification, and a form to add one. */
export function AliasEditor({
  kind,
  id,
  owner,
  aliases,
  actionData,
  busy,
}: {
  kind: "town" | "cluster" | "certification";
  id: string;
  owner: string;
  aliases: AliasRow[];
  actionData?: ReferenceActionData;
  busy: boolean;
}) {
  const { t } = useTranslation("reference");
  const [form, fields] = useReply(`alias-${kind}-${id}`, actionData);
  return (
    <div className="stack">
      {aliases.length ? (
        <ul className="plain-list stack">
          {aliases.map((row) => (
            <AliasItem key={row.id} row={row} owner={owner} actionData={actionData} busy={busy} />
          ))}
        </ul>
      ) : (
        <p className="muted">{t("alias.none")}</p>
      )}
      <Form method="post" {...getFormProps(form)} className="inline-form">
        <ErrorList id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="addAlias" />
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="id" value={id} />
        <Field label={t("alias.new", { owner })} inputProps={{ ...getInputProps(fields.alias, { type: "text" }) }} errors={fields.alias.errors} />
        <button type="submit" className="button button--small" disabled={busy}>
          {t("alias.add")}
        </button>
      </Form>
    </div>
  );
}

/** A town's or cluster's names (and a cluster's HS headings). */
export function NameEditor({
  kind,
  id,
  names,
  hsHeadings,
  actionData,
  busy,
}: {
  kind: "town" | "cluster";
  id: string;
  names: { zh: string; en: string; pt: string };
  hsHeadings?: string[];
  actionData?: ReferenceActionData;
  busy: boolean;
}) {
  const { t } = useTranslation("reference");
  const [form, fields] = useReply(`rename-${kind}-${id}`, actionData);
  const initial = (value: unknown, fallback: string) => (typeof value === "string" ? value : fallback);
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <ErrorList id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="rename" />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <div className="form-grid">
        <Field label={t("names.zh")} inputProps={{ ...getInputProps(fields.nameZh, { type: "text" }), lang: "zh-CN", defaultValue: initial(fields.nameZh.initialValue, names.zh) }} errors={fields.nameZh.errors} />
        <Field label={t("names.en")} inputProps={{ ...getInputProps(fields.nameEn, { type: "text" }), lang: "en", defaultValue: initial(fields.nameEn.initialValue, names.en) }} errors={fields.nameEn.errors} />
        <Field label={t("names.pt")} inputProps={{ ...getInputProps(fields.namePt, { type: "text" }), lang: "pt", defaultValue: initial(fields.namePt.initialValue, names.pt) }} errors={fields.namePt.errors} />
        {hsHeadings ? (
          <Field
            label={t("names.hsHeadings")}
            hint={t("names.hsHeadingsHint")}
            inputProps={{ ...getInputProps(fields.hsHeadings, { type: "text" }), defaultValue: initial(fields.hsHeadings.initialValue, hsHeadings.join(", ")) }}
            errors={fields.hsHeadings.errors}
          />
        ) : null}
      </div>
      <p>
        <button type="submit" className="button button--small" disabled={busy}>
          {t("names.save")}
        </button>
      </p>
    </Form>
  );
}
