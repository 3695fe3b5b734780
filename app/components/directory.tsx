import { Link } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { FormattedUsd } from "./formatted";
import { FallbackMark, OriginMark, fallbackMark, originMark } from "./catalog-fields";

/** Text with the mark that says which language it is in, or how it was made. */
export function MarkedText({ value, as: Tag = "span" }: { value: { text: string; locale: string; origin: string; isFallback: boolean } | null; as?: "span" | "p" | "h1" }) {
  if (!value) return null;
  return (
    <Tag lang={value.isFallback ? value.locale : undefined}>
      {value.text} {value.isFallback ? <FallbackMark locale={value.locale} /> : <OriginMark origin={value.origin} />}
    </Tag>
  );
}

export interface ProductCardData {
  id: string;
  title: { text: string; kind: string; locale: string };
  hsCode: string;
  thumbKey: string | null;
  priceMinUsd: number | null;
  priceMaxUsd: number | null;
  moq: number | null;
  moqUnit: string | null;
  /** Drafts appear only to their own firm and the bureau, marked. */
  published?: boolean;
}

export function ProductTitleMark({ title }: { title: ProductCardData["title"] }) {
  const { t } = useTranslation("catalog");
  return productTitleMark(t, title);
}

/** ProductTitleMark's markup with a `t` of the catalog namespace already at hand (lists: one hook, not one per row). */
export function productTitleMark(t: TFunction, title: Pick<ProductCardData["title"], "kind" | "locale">) {
  if (title.kind === "structured") return <span className="badge badge--origin">{t("origin.structured")}</span>;
  if (title.kind === "fallback") return fallbackMark(t, title.locale);
  return originMark(t, title.kind);
}

export function ProductCards({ products, lang }: { products: ProductCardData[]; lang: string }) {
  const { t } = useTranslation("directory");
  return (
    <ul className="card-grid product-cards">
      {products.map((product) => (
        <li key={product.id} className="card product-card">
          {product.thumbKey ? <img src={`/media/${product.thumbKey}`} alt="" loading="lazy" className="product-card__image" /> : <div className="product-card__image product-card__image--none" aria-hidden="true" />}
          <h3 className="product-card__title">
            <Link to={`/${lang}/products/${product.id}`} lang={product.title.kind === "fallback" ? product.title.locale : undefined}>
              {product.title.text}
            </Link>
          </h3>
          <p>
            <ProductTitleMark title={product.title} />
            {product.published === false ? <span className="badge badge--pending">{t("product.draft")}</span> : null}
          </p>
          <p className="muted">
            {t("abbr.hs", { ns: "common" })} {product.hsCode}
            {product.priceMinUsd !== null || product.priceMaxUsd !== null ? (
              <>
                {" · "}
                {t("product.fob")} <FormattedUsd min={product.priceMinUsd} max={product.priceMaxUsd} />
              </>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}

export function Pagination({ page, pages, hrefFor }: { page: number; pages: number; hrefFor: (page: number) => string }) {
  const { t } = useTranslation("catalog");
  if (pages <= 1) return null;
  return (
    <nav aria-label={t("pagination.label")} className="pagination">
      {page > 1 ? <Link to={hrefFor(page - 1)}>{t("pagination.previous")}</Link> : null}
      <span>{t("pagination.status", { page, pages })}</span>
      {page < pages ? <Link to={hrefFor(page + 1)}>{t("pagination.next")}</Link> : null}
    </nav>
  );
}
