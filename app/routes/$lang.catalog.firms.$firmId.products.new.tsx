import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProductForm } from "~/components/product-form";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireFirmEditor } from "~/modules/access/firm.server";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import { productFormOptions } from "~/modules/product/form-options.server";
import { ProductSchema, type ProductInput } from "~/modules/product/product.schema";
import { createProduct, productReferenceErrors } from "~/modules/product/product.server";
import { catalogStyles } from "~/styles/catalog";
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";
import { readFormData, parseSubmission } from "~/utils/form.server";

export const handle = { i18n: ["catalog", "validation"] };
export const links: LinksFunction = () => catalogStyles;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const editor = await requireFirmEditor(request, params.firmId ?? "");
  const firm = await prisma.firm.findUnique({ where: { id: editor.firmId }, select: { id: true, name: true } });
  if (!firm) notFound();
  const [options, t] = await Promise.all([productFormOptions(firm.id, locale), getFixedT(locale, "catalog")]);
  return json({ title: t("product.newTitle"), firm: { id: firm.id, name: displayTextIn(firm.name, locale) }, options });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data?.title ?? ""), { name: "robots", content: "noindex" }];

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const editor = await requireFirmEditor(request, params.firmId ?? "");
  const submission = parseSubmission(await readFormData(request), { schema: ProductSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: submission.status === "error" ? 400 : 200 });
  const fieldErrors = await productReferenceErrors(submission.value);
  if (Object.keys(fieldErrors).length) return json(submission.reply({ fieldErrors }), { status: 400 });
  const firm = await prisma.firm.findUnique({ where: { id: editor.firmId }, select: { id: true } });
  if (!firm) notFound();
  const product = await createProduct(firm.id, { userId: editor.user.id, asBureau: editor.asBureau }, submission.value);
  return redirect(`/${locale}/catalog/products/${product.id}?created=1`);
}

export default function NewProductPage() {
  const { t } = useTranslation("catalog");
  const { lang } = useParams();
  const { firm, options } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<ProductInput>({
    id: "new-product",
    lastResult,
    defaultValue: { published: "on" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProductSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="stack-lg catalog-page">
      <header>
        <p className="breadcrumbs">
          <Link to={`/${lang}/catalog/firms/${firm.id}/products`}>{firm.name}</Link>
        </p>
        <h1>{t("product.newTitle")}</h1>
      </header>
      <ProductForm form={form} fields={fields} options={options} lang={lang ?? "en"} submitLabel={t("product.create")} busy={navigation.state === "submitting"} />
    </div>
  );
}
