import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LocalizedTranslatedText } from "~/components/translated-text";
import { MarkedText, ProductTitleMark } from "~/components/directory";
import { FormattedNumber, FormattedUsd } from "~/components/formatted";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { excerpt, getProductPage } from "~/modules/directory/directory.server";
import { directoryMeta } from "~/modules/directory/meta";
import { publicOrigin } from "~/modules/directory/visibility.server";
import { catalogStyles } from "~/styles/catalog";
import { canInquire as canInquireOf } from "~/modules/access/firm.server";
import { getOptionalUser } from "~/modules/access/user.server";
import { getEnv } from "~/utils/env.server";
import { notFound } from "~/utils/http.server";

export const handle = { i18n: ["directory", "catalog", "inquiry", "translation"] };
export const links: LinksFunction = () => catalogStyles;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const viewer = await getOptionalUser(request);
  const product = await getProductPage(params.productId ?? "", locale, viewer);
  if (!product) notFound();
  // Buyers (and visitors, who sign in first) may ask the firm about a public product.
  const canInquire = canInquireOf(product.isPublic, viewer);
  const t = await getFixedT(locale, "directory");
  const origin = publicOrigin(request, getEnv().PUBLIC_URL);
  const firmName = product.firm.name?.text ?? "";
  const specs = product.specs.map((row) => `${row.label} ${row.value}`).join(", ");
  return json({
    product,
    canInquire,
    preview: {
      title: `${product.title.text} · ${firmName}`,
      description: excerpt(product.description?.text || t("product.metaDescription", { name: product.title.text, firm: firmName, specs }), 160),
      url: `${origin}/${locale}/products/${product.id}`,
      image: product.images[0] && product.isPublic ? `${origin}/media/${product.images[0].key}` : null,
      locale,
      type: "product" as const,
      noindex: !product.isPublic,
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => directoryMeta(data?.preview);

export default function ProductPage() {
  const { t } = useTranslation("directory");
  const { t: tc } = useTranslation("catalog");
  const { lang } = useParams();
  const { t: ti } = useTranslation("inquiry");
  const { product, canInquire } = useLoaderData<typeof loader>();
  const [cover, ...more] = product.images;
  return (
    <article className="stack-lg directory-page">
      {!product.isPublic ? (
        <p className="notice" role="status">
          {t("product.notPublic")}
        </p>
      ) : null}
      <p className="breadcrumbs">
        <Link to={`/${lang}/firms`}>{t("nav.directory")}</Link>
        {" / "}
        <Link to={`/${lang}/firms/${product.firm.slug}`}>{product.firm.name?.text}</Link>
      </p>
      <div className={cover ? "product-layout" : "stack"}>
        {cover ? (
        <div className="product-gallery">
          <img src={`/media/${cover.key}`} alt={product.title.text} width={cover.width} height={cover.height} className="product-gallery__cover" />
          {more.length ? (
            <ul className="product-gallery__more">
              {more.map((image, index) => (
                <li key={image.key}>
                  <a href={`/media/${image.key}`}>
                    <img src={`/media/${image.thumbKey}`} alt={t("product.image", { number: index + 2 })} loading="lazy" />
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        ) : null}
        <div className="stack">
          <h1 lang={product.title.kind === "fallback" ? product.title.locale : undefined}>{product.title.text}</h1>
          <p>
            <ProductTitleMark title={product.title} />
          </p>
          <dl className="facts">
            <dt>{t("product.hs")}</dt>
            <dd>
              <ul className="plain-list hs-path">
                {/* Subheading and heading; the chapter says little a buyer needs. */}
                {product.hs.slice(1).reverse().map((level) => (
                  <li key={level.code}>
                    <span className="mono">{level.code}</span> {level.title}
                  </li>
                ))}
              </ul>
            </dd>
            {product.priceMinUsd !== null || product.priceMaxUsd !== null ? (
              <>
                <dt>{t("product.fob")}</dt>
                <dd>
                  <FormattedUsd min={product.priceMinUsd} max={product.priceMaxUsd} />
                </dd>
              </>
            ) : null}
            {product.moq !== null ? (
              <>
                <dt>{t("product.moq")}</dt>
                <dd>
                  <FormattedNumber value={product.moq} /> {product.moqUnit ? tc(`units.${product.moqUnit}`) : ""}
                </dd>
              </>
            ) : null}
            {product.leadTimeDays !== null ? (
              <>
                <dt>{t("product.leadTime")}</dt>
                <dd>{t("product.days", { count: product.leadTimeDays })}</dd>
              </>
            ) : null}
            {product.certifications.length ? (
              <>
                <dt>{t("product.certifications")}</dt>
                <dd>
                  {product.certifications
                    .map((certification) => (certification.expired ? t("product.certificationExpired", { name: certification.name }) : certification.name))
                    .join(tc("completeness.separator"))}
                </dd>
              </>
            ) : null}
          </dl>
          {canInquire ? (
            <p>
              {/* The inquiry form finds the firm from the product. */}
              <Link to={`/${lang}/inquiries/new?product=${product.id}`} className="button">
                {ti("action.send")}
              </Link>
            </p>
          ) : null}
          {product.canEdit ? (
            <p>
              <Link to={`/${lang}/catalog/products/${product.id}`} className="button button--small button--secondary">
                {t("product.edit")}
              </Link>
            </p>
          ) : null}
        </div>
      </div>

      {product.specs.length ? (
        <section aria-labelledby="specs-title" className="card">
          <h2 id="specs-title">{t("product.specs")}</h2>
          <dl className="facts">
            {product.specs.map((row) => (
              <div key={row.key} className="facts__group">
                <dt>{row.label}</dt>
                <dd>{row.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}

      {product.description ? (
        <section aria-labelledby="description-title" className="card">
          <h2 id="description-title">{t("product.description")}</h2>
          <LocalizedTranslatedText view={product.descriptionView}>
            <MarkedText as="p" value={product.description} />
          </LocalizedTranslatedText>
        </section>
      ) : null}

      <section aria-labelledby="supplier-title" className="card">
        <h2 id="supplier-title">{t("product.supplier")}</h2>
        <p>
          <Link to={`/${lang}/firms/${product.firm.slug}`}>{product.firm.name?.text}</Link>
          {product.firm.cluster ? <> · {product.firm.cluster.name}</> : null}
          {product.firm.town ? <> · {product.firm.town.name}</> : null}
        </p>
        {product.firm.exportMarkets.length ? (
          <p className="muted">
            {t("product.exportsTo")} {product.firm.exportMarkets.map((market) => market.name).join(tc("completeness.separator"))}
          </p>
        ) : null}
      </section>
    </article>
  );
}
