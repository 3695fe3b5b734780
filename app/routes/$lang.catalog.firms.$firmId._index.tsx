import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FirmTabs } from "~/components/firm-tabs";
import { CheckboxGroup, CompletenessBar, MultiSelectField, OriginMark } from "~/components/catalog-fields";
import { ErrorList, Field, SelectField, TextareaField } from "~/components/forms";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireFirmEditor } from "~/modules/access/firm.server";
import { authoredLocales, businessTypes, employeeBands, localeFieldSuffix, salesChannels } from "~/modules/firm/firm-vocabulary";
import { FIRM_DESCRIPTION_MAX, FIRM_NAME_MAX, FirmProfileSchema, type FirmProfileInput } from "~/modules/firm/profile.schema";
import { firmExists, getFirmForEdit, profileReferenceErrors, setFirmLogo, updateFirmProfile } from "~/modules/firm/profile.server";
import { identityErrors } from "~/modules/firm/reverification.server";
import { useFormatters } from "~/utils/format";
import { MAX_IMAGE_BYTES } from "~/modules/media/limits";
import { receiveImages } from "~/modules/media/upload.server";
import { listCertifications } from "~/modules/reference/certifications.server";
import { countryOptions } from "~/modules/reference/countries.server";
import { languageOptions } from "~/modules/reference/languages.server";
import { listTowns } from "~/modules/reference/towns.server";
import { catalogStyles } from "~/styles/catalog";
import { notFound } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";
import { readFormData, parseSubmission } from "~/utils/form.server";
import { delegationHistory } from "~/modules/delegation/history.server";
import { DelegationHistory } from "~/components/delegation-history";

export const handle = { i18n: ["catalog", "validation", "participation", "verification"] };
export const links: LinksFunction = () => catalogStyles;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const editor = await requireFirmEditor(request, params.firmId ?? "");
  const firm = await getFirmForEdit(editor.firmId, locale);
  if (!firm) notFound();
  const [towns, certifications, t, delegations] = await Promise.all([listTowns(locale), listCertifications(locale), getFixedT(locale, "catalog"), delegationHistory(editor.firmId, locale, "all")]);
  return json({
    title: t("profile.title", { name: firm.displayName }),
    firm,
    asBureau: editor.asBureau,
    delegations,
    towns: towns.map((town) => ({ value: town.id, label: town.name })),
    clusters: towns.flatMap((town) => town.clusters.map((cluster) => ({ value: cluster.id, label: `${cluster.name} (${town.name})` }))),
    certifications: certifications.map((certification) => ({ value: certification.code, label: `${certification.code} · ${certification.name}` })),
    countries: countryOptions(locale),
    languages: languageOptions(locale),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data?.title ?? ""), { name: "robots", content: "noindex" }];

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUrlLocale(request, params.lang);
  const editor = await requireFirmEditor(request, params.firmId ?? "");
  if (!(await firmExists(editor.firmId))) notFound();
  const actor = { userId: editor.user.id, asBureau: editor.asBureau };
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    return json({ form: "logo" as const, logoErrors: await uploadLogo(request, editor.firmId, actor), result: undefined, saved: false });
  }
  const submission = parseSubmission(await readFormData(request), { schema: FirmProfileSchema });
  if (submission.status !== "success") {
    return json({ form: "profile" as const, result: submission.reply(), saved: false, logoErrors: null }, { status: submission.status === "error" ? 400 : 200 });
  }
  const fieldErrors = { ...(await profileReferenceErrors(submission.value)), ...(await identityErrors(editor.firmId, submission.value)) };
  if (Object.keys(fieldErrors).length) {
    return json({ form: "profile" as const, result: submission.reply({ fieldErrors }), saved: false, logoErrors: null }, { status: 400 });
  }
  await updateFirmProfile(editor.firmId, actor, submission.value);
  return json({ form: "profile" as const, result: submission.reply(), saved: true, logoErrors: null });
}

/** Null when the logo was saved, else the errors to show next to the file field. */
async function uploadLogo(request: Request, firmId: string, actor: { userId: string; asBureau: boolean }): Promise<string[] | null> {
  const upload = await receiveImages(request, "logo");
  if (!upload.ok) return [upload.error];
  const result = await setFirmLogo(firmId, actor, upload.files[0]);
  return result.ok ? null : [`catalog:errors.image.${result.problem}`];
}

/** A verified firm's change waiting for the bureau; the public still sees the verified values (issue 14). */
function ReverificationNotice({ pending, verified }: { pending: { fields: string[]; since: string } | null; verified: boolean }) {
  const { t } = useTranslation("verification");
  const format = useFormatters();
  if (pending) {
    return (
      <p className="notice" role="status">
        {t("profile.pending", { date: format.date(pending.since), fields: pending.fields.map((field) => t(`fields.${field}`)).join(", "), interpolation: { escapeValue: false } })}
      </p>
    );
  }
  return verified ? <p className="muted">{t("profile.verifiedHint")}</p> : null;
}

export default function FirmProfilePage() {
  const { t } = useTranslation("catalog");
  const { t: tv } = useTranslation("verification");
  const { lang } = useParams();
  const { firm, towns, clusters, certifications, countries, languages, asBureau, delegations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<FirmProfileInput>({
    id: `firm-profile-${firm.id}`,
    lastResult: actionData?.form === "profile" ? actionData.result : undefined,
    defaultValue: firm.defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: FirmProfileSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const certificationRows = fields.certifications.getFieldList();
  const contactRows = fields.contacts.getFieldList();
  const busy = navigation.state === "submitting";
  return (
    <div className="stack-lg catalog-page">
      <header className="stack">
        <p className="breadcrumbs">
          <Link to={`/${lang}/catalog`}>{t("nav.catalog")}</Link>
        </p>
        <h1>{firm.displayName}</h1>
        <p className="catalog-page__status">
          <span className={`badge badge--${firm.verification.toLowerCase()}`}>{t(`verification.${firm.verification}`)}</span>{" "}
          {firm.isPublic ? (
            <Link to={`/${lang}/firms/${firm.slug}`}>
              {t("profile.viewPublic")}
            </Link>
          ) : (
            <span className="muted">{t("profile.notPublic")}</span>
          )}
        </p>
        {firm.verification === "REJECTED" && firm.verificationReason ? (
          <p className="notice notice--error">{t("profile.rejected", { reason: firm.verificationReason })}</p>
        ) : null}
        {asBureau ? <p className="notice">{t("profile.bureauEditing")}</p> : null}
        <FirmTabs lang={lang} firmId={firm.id} current="profile" />
      </header>

      <DelegationHistory lang={lang} entries={delegations} withStatus />

      <section className="card" aria-labelledby="completeness-title">
        <h2 id="completeness-title">{t("completeness.title")}</h2>
        <p className="muted">{t("completeness.lead")}</p>
        <ul className="completeness-list">
          {firm.completeness.map((entry) => (
            <li key={entry.locale}>
              <CompletenessBar label={t(`languages.${entry.locale}`)} percent={entry.percent} />
              {entry.missing.length ? (
                <p className="completeness__missing">
                  {t("completeness.missing")} {entry.missing.map((item) => t(`completeness.items.${item}`)).join(t("completeness.separator"))}
                </p>
              ) : (
                <p className="completeness__missing">{t("completeness.complete")}</p>
              )}
            </li>
          ))}
        </ul>
        <p className="muted">{t("completeness.traditional")}</p>
      </section>

      {actionData?.saved ? (
        <p className="notice notice--success" role="status">
          {t("profile.saved")}
        </p>
      ) : null}

      <Form method="post" {...getFormProps(form)} className="stack-lg">
        <ErrorList id={form.errorId} errors={form.errors} />
        <ReverificationNotice pending={firm.pendingChange} verified={firm.verification === "VERIFIED"} />
        <Field
          label={tv("profile.uscc")}
          hint={tv("profile.usccHint")}
          inputProps={{ ...getInputProps(fields.uscc, { type: "text" }), maxLength: 40, autoComplete: "off", className: "mono" }}
          errors={fields.uscc.errors}
        />

        <fieldset className="card stack">
          <legend>{t("profile.sections.names")}</legend>
          <p className="muted">{t("profile.namesHint")}</p>
          {authoredLocales.map((locale) => {
            const meta = fields[`name${localeFieldSuffix[locale]}` as const];
            return (
              <Field
                key={locale}
                label={
                  <>
                    {t("profile.fields.name", { language: t(`languages.${locale}`) })} <OriginMark origin={firm.origins[meta.name]} />
                  </>
                }
                inputProps={{ ...getInputProps(meta, { type: "text" }), maxLength: FIRM_NAME_MAX, lang: locale }}
                errors={meta.errors}
              />
            );
          })}
          {authoredLocales.map((locale) => {
            const meta = fields[`description${localeFieldSuffix[locale]}` as const];
            return (
              <TextareaField
                key={locale}
                label={
                  <>
                    {t("profile.fields.description", { language: t(`languages.${locale}`) })} <OriginMark origin={firm.origins[meta.name]} />
                  </>
                }
                textareaProps={{ ...getTextareaProps(meta), rows: 5, maxLength: FIRM_DESCRIPTION_MAX, lang: locale }}
                errors={meta.errors}
              />
            );
          })}
        </fieldset>

        <fieldset className="card stack">
          <legend>{t("profile.sections.location")}</legend>
          <SelectField label={t("profile.fields.town")} selectProps={getSelectProps(fields.townId)} options={towns} placeholder={t("form.choose")} errors={fields.townId.errors} />
          <SelectField label={t("profile.fields.cluster")} selectProps={getSelectProps(fields.clusterId)} options={clusters} placeholder={t("form.choose")} errors={fields.clusterId.errors} />
          {authoredLocales.map((locale) => {
            const meta = fields[`address${localeFieldSuffix[locale]}` as const];
            return (
              <Field
                key={locale}
                label={t("profile.fields.address", { language: t(`languages.${locale}`) })}
                inputProps={{ ...getInputProps(meta, { type: "text" }), lang: locale, autoComplete: "street-address" }}
                errors={meta.errors}
              />
            );
          })}
        </fieldset>

        <fieldset className="card stack">
          <legend>{t("profile.sections.company")}</legend>
          <Field label={t("profile.fields.foundedYear")} inputProps={{ ...getInputProps(fields.foundedYear, { type: "number" }), min: 1900, max: new Date().getFullYear(), inputMode: "numeric" }} errors={fields.foundedYear.errors} />
          <SelectField
            label={t("profile.fields.employeesBand")}
            selectProps={getSelectProps(fields.employeesBand)}
            options={employeeBands.map((band) => ({ value: band, label: t(`firm.employees.${band}`) }))}
            placeholder={t("form.choose")}
            errors={fields.employeesBand.errors}
          />
          <CheckboxGroup legend={t("profile.fields.businessTypes")} meta={fields.businessTypes as FieldMetadata<string[] | undefined>} options={businessTypes.map((type) => ({ value: type, label: t(`firm.businessTypes.${type}`) }))} />
        </fieldset>

        <fieldset className="card stack">
          <legend>{t("profile.sections.markets")}</legend>
          <MultiSelectField label={t("profile.fields.exportMarkets")} hint={t("profile.multiHint")} meta={fields.exportMarkets as FieldMetadata<string[] | undefined>} options={countries} />
          <MultiSelectField label={t("profile.fields.languages")} hint={t("profile.multiHint")} meta={fields.languages as FieldMetadata<string[] | undefined>} options={languages} />
          <CheckboxGroup legend={t("profile.fields.salesChannels")} meta={fields.salesChannels as FieldMetadata<string[] | undefined>} options={salesChannels.map((channel) => ({ value: channel, label: t(`firm.salesChannels.${channel}`) }))} />
        </fieldset>

        <fieldset className="card stack">
          <legend>{t("profile.sections.certifications")}</legend>
          <ErrorList errors={fields.certifications.errors} />
          {certificationRows.length === 0 ? <p className="muted">{t("profile.noCertifications")}</p> : null}
          {certificationRows.map((row, index) => {
            const cells = row.getFieldset();
            return (
              <div key={row.key ?? `certification-${index}`} className="repeat-row" role="group" aria-label={t("profile.certificationRow", { number: index + 1 })}>
                <SelectField label={t("profile.fields.certification")} selectProps={getSelectProps(cells.code)} options={certifications} placeholder={t("form.choose")} errors={cells.code.errors} />
                <Field label={t("profile.fields.validFrom")} inputProps={getInputProps(cells.validFrom, { type: "date" })} errors={cells.validFrom.errors} />
                <Field label={t("profile.fields.validUntil")} inputProps={getInputProps(cells.validUntil, { type: "date" })} errors={cells.validUntil.errors} />
                <button className="button button--quiet" {...form.remove.getButtonProps({ name: fields.certifications.name, index })}>
                  {t("form.remove")}
                </button>
              </div>
            );
          })}
          <button className="button button--secondary" {...form.insert.getButtonProps({ name: fields.certifications.name, defaultValue: { code: "" } })}>
            {t("profile.addCertification")}
          </button>
        </fieldset>

        <fieldset className="card stack">
          <legend>{t("profile.sections.contacts")}</legend>
          <ErrorList errors={fields.contacts.errors} />
          {contactRows.map((row, index) => {
            const cells = row.getFieldset();
            return (
              <div key={row.key ?? `contact-${index}`} className="repeat-row" role="group" aria-label={t("profile.contactRow", { number: index + 1 })}>
                <Field label={t("profile.fields.contactName")} inputProps={{ ...getInputProps(cells.name, { type: "text" }), autoComplete: "name" }} errors={cells.name.errors} />
                <Field label={t("profile.fields.contactTitle")} inputProps={{ ...getInputProps(cells.title, { type: "text" }), autoComplete: "organization-title" }} errors={cells.title.errors} />
                <Field label={t("profile.fields.email")} inputProps={{ ...getInputProps(cells.email, { type: "email" }), autoComplete: "email" }} errors={cells.email.errors} />
                <Field label={t("profile.fields.phone")} inputProps={{ ...getInputProps(cells.phone, { type: "tel" }), autoComplete: "tel" }} errors={cells.phone.errors} />
                <button className="button button--quiet" {...form.remove.getButtonProps({ name: fields.contacts.name, index })}>
                  {t("form.remove")}
                </button>
              </div>
            );
          })}
          <button className="button button--secondary" {...form.insert.getButtonProps({ name: fields.contacts.name, defaultValue: { name: "" } })}>
            {t("profile.addContact")}
          </button>
          <Field label={t("profile.fields.website")} hint={t("profile.websiteHint")} inputProps={{ ...getInputProps(fields.website, { type: "url" }), autoComplete: "url" }} errors={fields.website.errors} />
          <Field label={t("profile.fields.email")} inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "email" }} errors={fields.email.errors} />
          <Field label={t("profile.fields.phone")} inputProps={{ ...getInputProps(fields.phone, { type: "tel" }), autoComplete: "tel" }} errors={fields.phone.errors} />
        </fieldset>

        <button type="submit" className="button" disabled={busy}>
          {t("profile.save")}
        </button>
      </Form>

      <section className="card stack" aria-labelledby="logo-title">
        <h2 id="logo-title">{t("profile.logo.title")}</h2>
        {firm.logoKey ? <img className="firm-logo" src={`/media/${firm.logoKey}`} alt={t("profile.logo.current")} width={160} height={160} /> : <p className="muted">{t("profile.logo.none")}</p>}
        {actionData?.form === "logo" && !actionData.logoErrors ? (
          <p className="notice notice--success" role="status">
            {t("profile.logo.saved")}
          </p>
        ) : null}
        <Form method="post" encType="multipart/form-data" className="stack">
          <div className="field">
            <label htmlFor="logo-file">{t("profile.logo.file")}</label>
            <p id="logo-hint" className="field__hint">
              {t("images.hint", { size: Math.round(MAX_IMAGE_BYTES / 1024 / 1024) })}
            </p>
            <input
              id="logo-file"
              type="file"
              name="logo"
              accept="image/jpeg,image/png,image/webp"
              aria-describedby={["logo-hint", actionData?.logoErrors ? "logo-error" : ""].filter(Boolean).join(" ")}
              aria-invalid={actionData?.logoErrors ? true : undefined}
            />
            <ErrorList id="logo-error" errors={actionData?.form === "logo" ? actionData.logoErrors : null} />
          </div>
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t("profile.logo.upload")}
          </button>
        </Form>
      </section>
    </div>
  );
}
