import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useParams, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/forms";
import { ProductForm } from "~/components/product-form";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireProductEditor } from "~/modules/access/firm.server";
import { MAX_IMAGE_BYTES } from "~/modules/media/limits";
import { receiveImages } from "~/modules/media/upload.server";
import { productFormOptions } from "~/modules/product/form-options.server";
import { MAX_PRODUCT_IMAGES, ProductSchema, type ProductInput } from "~/modules/product/product.schema";
import {
  addProductImages,
  deleteProduct,
  getProductForEdit,
  productReferenceErrors,
  removeProductImage,
  setProductPublished,
  updateProduct,
  type Actor,
} from "~/modules/product/product.server";
import { catalogStyles } from "~/styles/catalog";
import { notFound } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";
import { readFormData, parseSubmission } from "~/utils/form.server";

export const handle = { i18n: ["catalog", "validation"] };
export const links: LinksFunction = () => catalogStyles;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const editor = await requireProductEditor(request, params.productId);
  const [product, options, t] = await Promise.all([getProductForEdit(editor.productId, locale), productFormOptions(editor.firmId, locale), getFixedT(locale, "catalog")]);
  if (!product) notFound();
  return json({ title: t("product.editTitle", { name: product.title }), product, options });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data?.title ?? ""), { name: "robots", content: "noindex" }];

type ActionData =
  | { form: "product"; result: SubmissionResult<string[]>; saved: boolean }
  | { form: "images"; errors: string[] | null; added?: number }
  | { form: "publish"; published: boolean };

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const editor = await requireProductEditor(request, params.productId);
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const outcome = await uploadImages(request, editor.productId, editor.actor);
    return json<ActionData>(outcome, { status: outcome.errors ? 400 : 200 });
  }
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  if (intent === "publish" || intent === "unpublish") {
    await setProductPublished(editor.productId, editor.actor, intent === "publish");
    return json<ActionData>({ form: "publish", published: intent === "publish" });
  }
  if (intent === "delete") {
    await deleteProduct(editor.productId, editor.actor);
    return redirect(`/${locale}/catalog/firms/${editor.firmId}/products?deleted=1`);
  }
  if (intent === "remove-image") {
    await removeProductImage(editor.productId, editor.actor, String(formData.get("key") ?? ""));
    return json<ActionData>({ form: "images", errors: null });
  }
  const submission = parseSubmission(formData, { schema: ProductSchema });
  if (submission.status !== "success") {
    return json<ActionData>({ form: "product", result: submission.reply(), saved: false }, { status: submission.status === "error" ? 400 : 200 });
  }
  const fieldErrors = await productReferenceErrors(submission.value);
  if (Object.keys(fieldErrors).length) return json<ActionData>({ form: "product", result: submission.reply({ fieldErrors }), saved: false }, { status: 400 });
  await updateProduct(editor.productId, editor.actor, submission.value);
  return json<ActionData>({ form: "product", result: submission.reply(), saved: true });
}

async function uploadImages(request: Request, productId: string, actor: Actor): Promise<Extract<ActionData, { form: "images" }>> {
  const upload = await receiveImages(request, "images");
  if (!upload.ok) return { form: "images", errors: [upload.error] };
  const result = await addProductImages(productId, actor, upload.files);
  if (!result.ok) return { form: "images", errors: [result.problem === "tooMany" ? `catalog:errors.image.tooMany|max=${MAX_PRODUCT_IMAGES}` : `catalog:errors.image.${result.problem}`] };
  return { form: "images", errors: null, added: result.added };
}

export default function EditProductPage() {
  const { t } = useTranslation("catalog");
  const { lang } = useParams();
  const [searchParams] = useSearchParams();
  const { product, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const [form, fields] = useForm<ProductInput>({
    id: `product-${product.id}`,
    lastResult: actionData?.form === "product" ? actionData.result : undefined,
    defaultValue: product.defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProductSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const imageErrors = actionData?.form === "images" ? actionData.errors : null;
  return (
    <div className="stack-lg catalog-page">
      <header className="stack">
        <p className="breadcrumbs">
          <Link to={`/${lang}/catalog/firms/${product.firmId}/products`}>{t("nav.products")}</Link>
        </p>
        <h1>{product.title || t("product.untitled")}</h1>
        <p className="catalog-page__status">
          <span className={`badge ${product.published ? "badge--verified" : "badge--pending"}`}>{t(product.published ? "product.published" : "product.draft")}</span>{" "}
          <Link to={`/${lang}/products/${product.id}`}>{t("product.viewPage")}</Link>
        </p>
        {product.hsChoice ? (
          <div className="notice notice--warning" role="note">
            <strong>{t("mapping.chooseHs.title")}</strong> <span>{t("mapping.chooseHs.body", product.hsChoice)}</span>
          </div>
        ) : null}
        {searchParams.get("created") ? (
          <p className="notice notice--success" role="status">
            {t("product.created")}
          </p>
        ) : null}
        {actionData?.form === "product" && actionData.saved ? (
          <p className="notice notice--success" role="status">
            {t("product.saved")}
          </p>
        ) : null}
      </header>

      <ProductForm
        form={form}
        fields={fields}
        options={options}
        lang={lang ?? "en"}
        hsTitle={product.hsTitle}
        origins={product.origins}
        submitLabel={t("product.save")}
        busy={busy}
      />

      <section className="card stack" aria-labelledby="images-title">
        <h2 id="images-title">{t("images.title")}</h2>
        {product.images.length === 0 ? <p className="muted">{t("images.none")}</p> : null}
        <ul className="image-grid">
          {product.images.map((image, index) => (
            <li key={image.key}>
              <img src={`/media/${image.thumbKey}`} alt={t("images.alt", { number: index + 1 })} loading="lazy" />
              <Form method="post">
                <input type="hidden" name="intent" value="remove-image" />
                <input type="hidden" name="key" value={image.key} />
                <button type="submit" className="button button--quiet" disabled={busy}>
                  {t("images.remove", { number: index + 1 })}
                </button>
              </Form>
            </li>
          ))}
        </ul>
        {actionData?.form === "images" && !imageErrors && actionData.added ? (
          <p className="notice notice--success" role="status">
            {t("images.added", { count: actionData.added })}
          </p>
        ) : null}
        {product.images.length < MAX_PRODUCT_IMAGES ? (
          <Form method="post" encType="multipart/form-data" className="stack">
            <div className="field">
              <label htmlFor="product-images">{t("images.file")}</label>
              <p id="product-images-hint" className="field__hint">
                {t("images.hint", { size: Math.round(MAX_IMAGE_BYTES / 1024 / 1024) })} {t("images.limit", { max: MAX_PRODUCT_IMAGES })}
              </p>
              <input
                id="product-images"
                type="file"
                name="images"
                multiple
                accept="image/jpeg,image/png,image/webp"
                aria-describedby={["product-images-hint", imageErrors ? "product-images-error" : ""].filter(Boolean).join(" ")}
                aria-invalid={imageErrors ? true : undefined}
              />
              <ErrorList id="product-images-error" errors={imageErrors} />
            </div>
            <button type="submit" className="button button--secondary" disabled={busy}>
              {t("images.upload")}
            </button>
          </Form>
        ) : null}
      </section>

      <section className="card stack" aria-labelledby="manage-title">
        <h2 id="manage-title">{t("product.manage")}</h2>
        <Form method="post">
          <input type="hidden" name="intent" value={product.published ? "unpublish" : "publish"} />
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t(product.published ? "product.unpublish" : "product.publish")}
          </button>
        </Form>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="delete" />
          <p className="muted">{t("product.deleteHint")}</p>
          <button type="submit" className="button button--danger" disabled={busy}>
            {t("product.delete")}
          </button>
        </Form>
      </section>
    </div>
  );
}
