import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useParams, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FirmTabs } from "~/components/firm-tabs";
import { FallbackMark } from "~/components/catalog-fields";
import { FormattedDate } from "~/components/formatted";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireFirmEditor } from "~/modules/access/firm.server";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import { listFirmProducts, productOwner, setProductPublished } from "~/modules/product/product.server";
import { catalogStyles } from "~/styles/catalog";
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";
import { readFormData } from "~/utils/form.server";

export const handle = { i18n: ["catalog"] };
export const links: LinksFunction = () => catalogStyles;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const editor = await requireFirmEditor(request, params.firmId ?? "");
  const firm = await prisma.firm.findUnique({ where: { id: editor.firmId }, select: { id: true, name: true } });
  if (!firm) notFound();
  const page = Math.max(1, Math.min(10_000, Number.parseInt(new URL(request.url).searchParams.get("page") ?? "1", 10) || 1));
  const [list, t] = await Promise.all([listFirmProducts(firm.id, locale, page), getFixedT(locale, "catalog")]);
  const name = displayTextIn(firm.name, locale);
  return json({ title: t("products.title", { name }), firm: { id: firm.id, name }, list });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data?.title ?? ""), { name: "robots", content: "noindex" }];

/** Publish or unpublish from the list; the product must belong to this firm. */
export async function action({ request, params }: ActionFunctionArgs) {
  await requireUrlLocale(request, params.lang);
  const editor = await requireFirmEditor(request, params.firmId ?? "");
  const formData = await readFormData(request);
  const productId = String(formData.get("productId") ?? "");
  const intent = formData.get("intent");
  if ((await productOwner(productId)) !== editor.firmId) notFound();
  if (intent !== "publish" && intent !== "unpublish") return json({ ok: false }, { status: 400 });
  await setProductPublished(productId, { userId: editor.user.id, asBureau: editor.asBureau }, intent === "publish");
  return json({ ok: true });
}

export default function FirmProductsPage() {
  const { t } = useTranslation("catalog");
  const { lang } = useParams();
  const [searchParams] = useSearchParams();
  const { firm, list } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="stack-lg catalog-page">
      <header className="stack">
        <p className="breadcrumbs">
          <Link to={`/${lang}/catalog`}>{t("nav.catalog")}</Link>
        </p>
        <h1>{t("products.title", { name: firm.name })}</h1>
        <FirmTabs lang={lang} firmId={firm.id} current="products" />
        {searchParams.get("deleted") ? (
          <p className="notice notice--success" role="status">
            {t("product.deleted")}
          </p>
        ) : null}
        <p>
          <Link to={`/${lang}/catalog/firms/${firm.id}/products/new`} className="button">
            {t("products.add")}
          </Link>
        </p>
      </header>
      {list.products.length === 0 ? (
        <p>{t("products.none")}</p>
      ) : (
        <ul className="product-rows">
          {list.products.map((product) => (
            <li key={product.id} className="card product-row">
              {product.thumbKey ? <img src={`/media/${product.thumbKey}`} alt="" width={64} height={64} loading="lazy" /> : <span className="product-row__placeholder" aria-hidden="true" />}
              <div className="product-row__main">
                <Link to={`/${lang}/catalog/products/${product.id}`} className="product-row__title">
                  {product.title.text || t("product.untitled")}
                </Link>{" "}
                {product.title.kind === "fallback" ? <FallbackMark locale={product.title.locale} /> : null}
                <p className="muted">
                  {t("abbr.hs", { ns: "common" })} {product.hsCode} · <span className={`badge ${product.published ? "badge--verified" : "badge--pending"}`}>{t(product.published ? "product.published" : "product.draft")}</span> ·{" "}
                  {t("products.updated")} <FormattedDate value={product.updatedAt} />
                </p>
              </div>
              <Form method="post">
                <input type="hidden" name="productId" value={product.id} />
                <input type="hidden" name="intent" value={product.published ? "unpublish" : "publish"} />
                <button type="submit" className="button button--quiet" disabled={busy}>
                  {t(product.published ? "product.unpublish" : "product.publish")}
                  <span className="visually-hidden">: {product.title.text}</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      {list.pages > 1 ? (
        <nav aria-label={t("pagination.label")} className="pagination">
          {list.page > 1 ? <Link to={`?page=${list.page - 1}`}>{t("pagination.previous")}</Link> : null}
          <span>{t("pagination.status", { page: list.page, pages: list.pages })}</span>
          {list.page < list.pages ? <Link to={`?page=${list.page + 1}`}>{t("pagination.next")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
