import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountNav } from "~/components/account-nav";
import { RequestForm } from "~/components/request-form";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { getBuyerProfile } from "~/modules/buyer/buyer.server";
import { requestFormOptions } from "~/modules/request/request-options.server";
import { createRequest, requestServerSchema } from "~/modules/request/request.server";
import { titleLocaleFor } from "~/modules/request/request.schema";
import { requireBuyerCompany } from "~/modules/access/buyer.server";
import { readFormData, parseSubmission } from "~/utils/form.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["buyer", "validation", "import"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const buyer = await requireBuyerCompany(request);
  const company = await getBuyerProfile(buyer.buyerCompanyId);
  const t = await getFixedT(locale, "buyer");
  return json({
    title: t("request.newTitle"),
    defaults: {
      title: "",
      // The language the buyer writes in: Portuguese whichever variant the interface shows.
      titleLocale: titleLocaleFor(locale),
      hsCodesText: "",
      keywords: "",
      quantity: null,
      unit: null,
      targetPriceUsd: null,
      // Start unticked: the buyer chooses what this request needs (the profile's list is only a reminder).
      requiredCertifications: [] as string[],
      destinationCountry: company.country,
      deadline: null,
      visibility: "PUBLIC",
    },
    ...(await requestFormOptions(locale)),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const buyer = await requireBuyerCompany(request);
  const submission = parseSubmission(await readFormData(request), { schema: await requestServerSchema({ today: new Date() }) });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const created = await createRequest(buyer.buyerCompanyId, submission.value, buyer);
  return redirect(`/${locale}/account/requests?created=${created.id}`);
}

export default function NewRequest() {
  const { t } = useTranslation("buyer");
  const { lang } = useParams();
  const { defaults, countries, certifications, units } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="stack-lg">
      <AccountNav />
      <p>
        <Link to={`/${lang}/account/requests`}>{t("request.back")}</Link>
      </p>
      <header className="stack">
        <h1>{t("request.newTitle")}</h1>
        <p className="lead">{t("request.newIntro")}</p>
      </header>
      <RequestForm
        id="new-request"
        defaults={defaults}
        lastResult={actionData?.result}
        countries={countries}
        certifications={certifications}
        units={units}
        submitLabel={t("request.publish")}
      />
    </div>
  );
}
