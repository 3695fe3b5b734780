import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountNav } from "~/components/account-nav";
import { CheckboxGroup } from "~/components/choice-fields";
import { ErrorList, Field, SelectField } from "~/components/forms";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { BuyerProfileSchema, buyerLanguageChoices, buyerTypes, incoterms, volumeBands } from "~/modules/buyer/buyer.schema";
import { buyerProfileServerSchema, getBuyerProfile, updateBuyerProfile } from "~/modules/buyer/buyer.server";
import { formatHsCode } from "~/modules/hs/hs-code";
import { certificationOptions } from "~/modules/reference/certifications.server";
import { countryOptions } from "~/modules/reference/countries.server";
import { languageOptions } from "~/modules/reference/languages.server";
import { requireBuyerCompany } from "~/modules/access/buyer.server";
import { readFormData, parseSubmission } from "~/utils/form.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["buyer", "validation", "import"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const buyer = await requireBuyerCompany(request);
  const profile = await getBuyerProfile(buyer.buyerCompanyId);
  const t = await getFixedT(locale, "buyer");
  // Languages already chosen stay offered even when not among the usual choices.
  const languageCodes = [...new Set([...buyerLanguageChoices, ...profile.languages])];
  return json({
    title: t("company.title"),
    profile: { ...profile, interestsText: profile.interests.map(formatHsCode).join(", ") },
    countries: countryOptions(locale),
    certifications: await certificationOptions(locale),
    languages: languageOptions(locale, languageCodes),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUrlLocale(request, params.lang);
  const buyer = await requireBuyerCompany(request);
  const submission = parseSubmission(await readFormData(request), { schema: await buyerProfileServerSchema() });
  if (submission.status !== "success") return json({ result: submission.reply(), saved: false }, { status: 400 });
  await updateBuyerProfile(buyer.buyerCompanyId, submission.value, buyer);
  return json({ result: submission.reply(), saved: true });
}

export default function CompanyProfile() {
  const { t } = useTranslation("buyer");
  const { profile, countries, certifications, languages } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "buyer-profile",
    lastResult: actionData?.result,
    defaultValue: {
      name: profile.name,
      country: profile.country ?? "",
      buyerType: profile.buyerType ?? "",
      volumeBand: profile.volumeBand ?? "",
      interests: profile.interestsText,
      website: profile.website ?? "",
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: BuyerProfileSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  // After a refused save, the boxes show what was sent, not what is stored.
  const sent = (name: string, stored: readonly string[]) => {
    const value = actionData?.result?.initialValue?.[name];
    if (actionData?.saved || value === undefined) return stored;
    return Array.isArray(value) ? (value as string[]) : [String(value)];
  };
  const wasSent = !!actionData && !actionData.saved;
  return (
    <div className="stack-lg">
      <AccountNav />
      <header className="stack">
        <h1>{t("company.title")}</h1>
        <p className="lead">{t("company.intro")}</p>
      </header>
      {actionData?.saved ? (
        <p className="notice notice--success" role="status">
          {t("company.saved")}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="card stack">
        <ErrorList id={form.errorId} errors={form.errors} />
        <div className="form-grid">
          <Field label={t("company.name")} inputProps={getInputProps(fields.name, { type: "text" })} errors={fields.name.errors} />
          <SelectField label={t("company.country")} selectProps={getSelectProps(fields.country)} placeholder={t("form.choose")} options={countries} errors={fields.country.errors} />
          <SelectField
            label={t("company.type")}
            selectProps={getSelectProps(fields.buyerType)}
            placeholder={t("form.choose")}
            options={buyerTypes.map((type) => ({ value: type, label: t(`types.${type}`) }))}
            errors={fields.buyerType.errors}
          />
          <SelectField
            label={t("company.volume")}
            selectProps={getSelectProps(fields.volumeBand)}
            placeholder={t("form.notSaying")}
            options={volumeBands.map((band) => ({ value: band, label: t(`volumes.${band}`) }))}
            errors={fields.volumeBand.errors}
          />
          <Field label={t("company.website")} inputProps={{ ...getInputProps(fields.website, { type: "url" }), placeholder: "https://" }} errors={fields.website.errors} />
        </div>
        <Field
          label={t("company.interests")}
          hint={t("company.interestsHint")}
          inputProps={{ ...getInputProps(fields.interests, { type: "text" }), inputMode: "decimal", autoComplete: "off" }}
          errors={fields.interests.errors}
        />
        <CheckboxGroup
          key={`languages-${wasSent}`}
          legend={t("company.languages")}
          name="languages"
          options={languages}
          checked={sent("languages", profile.languages)}
          errors={fields.languages.errors}
        />
        <CheckboxGroup
          key={`certifications-${wasSent}`}
          legend={t("company.certifications")}
          hint={t("company.certificationsHint")}
          name="requiredCertifications"
          options={certifications}
          checked={sent("requiredCertifications", profile.requiredCertifications)}
          errors={fields.requiredCertifications.errors}
        />
        <CheckboxGroup
          key={`incoterms-${wasSent}`}
          legend={t("company.incoterms")}
          name="incoterms"
          options={incoterms.map((term) => ({ value: term, label: `${term} · ${t(`incoterms.${term}`)}` }))}
          checked={sent("incoterms", profile.incoterms)}
          errors={fields.incoterms.errors}
        />
        <div>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("company.save")}
          </button>
        </div>
      </Form>
    </div>
  );
}
