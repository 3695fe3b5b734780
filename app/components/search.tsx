import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatHsCode } from "~/modules/hs/hs-code";
import { clearedFilters, searchQueryString, toggleFacet, type FacetParam, type SearchInput } from "~/modules/search/search-params";
// Types only: erased from the browser bundle.
import type { FacetValue } from "~/modules/search/queries.server";
import type { PageFirmHit, PageProductHit } from "~/modules/search/page-data";
import { useFormatters } from "~/utils/format";
import { fallbackMark, originMark } from "./catalog-fields";
import { productTitleMark } from "./directory";
import { useFollowLink } from "./follow-link";

/* The parts of the search page. */

type Facets = Partial<Record<FacetParam, FacetValue[]>>;

/** Facet values shown before "show all". */
const SHOWN = 8;

const facetOrder: FacetParam[] = ["town", "cluster", "hs", "cert", "market", "language", "verified"];

/**
 * The facets as checkboxes inside the search form: without JavaScript they
 * apply with the form's button; with it, at once. Counts say how many
 * results each value would give with the other choices kept.
 */
export function SearchFacets({ facets, input, moqRange, kind }: { facets: Facets; input: SearchInput<string>; moqRange: { min: number; max: number } | null; kind: string }) {
  const { t } = useTranslation("search");
  const chosen = facetOrder.some((facet) => (facet === "verified" ? input.verified !== null : input[facet].length > 0)) || input.moqMax !== null;
  return (
    <aside id="search-facets" className="search-facets stack" aria-labelledby="search-facets-title">
      <h2 id="search-facets-title" className="search-facets__title">
        {t("facets.title")}
      </h2>
      {chosen ? (
        <p>
          <Link to={`?${new URLSearchParams({ ...(input.q ? { q: input.q } : {}), ...(kind === "firms" ? { in: "firms" } : {}) })}`} className="button button--quiet button--small">
            {t("facets.clear")}
          </Link>
        </p>
      ) : null}
      {facetOrder.map((facet) => {
        const values = facets[facet] ?? [];
        if (facet === "verified") return <VerifiedFacet key={facet} values={values} current={input.verified} />;
        if (!values.length) return null;
        return <FacetGroup key={facet} facet={facet} values={values} />;
      })}
      <div className="facet">
        <label htmlFor="search-moq" className="facet__legend">
          {t("facets.moqMax")}
        </label>
        <input id="search-moq" type="number" name="moqMax" min={1} inputMode="numeric" defaultValue={input.moqMax ?? undefined} placeholder={moqRange ? String(moqRange.max) : undefined} className="facet__number" />
      </div>
      <noscript>
        <button type="submit" className="button button--small">
          {t("facets.apply")}
        </button>
      </noscript>
    </aside>
  );
}

/** The chosen facet values as links that remove them. */
export function ChosenFilters({ facets, input, kind }: { facets: Facets; input: SearchInput<string>; kind: string }) {
  const { t } = useTranslation("search");
  const chips: { key: string; label: string; href: string }[] = [];
  const href = (changes: Partial<SearchInput<string>>) => {
    const query = searchQueryString(input, changes);
    if (kind !== "firms") return query || "?";
    return query ? `${query}&in=firms` : "?in=firms";
  };
  for (const facet of facetOrder) {
    if (facet === "verified") continue;
    for (const value of input[facet]) {
      const label = facets[facet]?.find((item) => item.value === value)?.label ?? value;
      chips.push({ key: `${facet}-${value}`, label, href: href(toggleFacet(input, facet, value)) });
    }
  }
  if (input.verified !== null) chips.push({ key: "verified", label: t(input.verified ? "facets.verifiedTrue" : "facets.verifiedFalse"), href: href({ verified: null, page: 1 }) });
  if (input.moqMax !== null) chips.push({ key: "moq", label: `${t("facets.moqMax")} ${input.moqMax}`, href: href({ moqMax: null, page: 1 }) });
  if (!chips.length) return null;
  return (
    <ul className="search-chips" aria-label={t("facets.chosen")}>
      {chips.map((chip) => (
        <li key={chip.key}>
          <Link to={chip.href} preventScrollReset aria-label={t("facets.remove", { label: chip.label })}>
            {chip.label} <span aria-hidden="true">×</span>
          </Link>
        </li>
      ))}
      {chips.length > 1 ? (
        <li>
          <Link to={href(clearedFilters)} preventScrollReset className="search-chips__clear">
            {t("facets.clear")}
          </Link>
        </li>
      ) : null}
    </ul>
  );
}

function FacetGroup({ facet, values }: { facet: Exclude<FacetParam, "verified">; values: FacetValue[] }) {
  const { t } = useTranslation("search");
  const shown = values.slice(0, SHOWN);
  const rest = values.slice(SHOWN);
  return (
    <fieldset className="facet">
      <legend className="facet__legend">{t(`facets.${facet}`)}</legend>
      <FacetOptions facet={facet} values={shown} />
      {rest.length ? (
        <details className="facet__more">
          <summary>{t("facets.more", { count: values.length })}</summary>
          <FacetOptions facet={facet} values={rest} />
        </details>
      ) : null}
    </fieldset>
  );
}

/**
 * A facet's values: in its fieldset (the group and its name), each a label
 * holding the box, the value (the label's grid puts it in its own column)
 * and the count; no list or span around them, as a facet can hold dozens.
 */
function FacetOptions({ facet, values }: { facet: string; values: FacetValue[] }) {
  // One set of formatters for the list, not one hook per value.
  const format = useFormatters();
  return (
    <div className="facet__values">
      {values.map((value) => (
        <label key={value.value} className="facet__option">
          <input type="checkbox" name={facet} value={value.value} defaultChecked={value.selected} key={`${value.value}-${value.selected}`} />
          {value.label}
          <span className="facet__count" suppressHydrationWarning>
            {format.number(value.count)}
          </span>
        </label>
      ))}
    </div>
  );
}

/** Verified or not: one choice. Public searches hold verified firms only, so it shows when there is a choice to make. */
function VerifiedFacet({ values, current }: { values: FacetValue[]; current: boolean | null }) {
  const { t } = useTranslation("search");
  const format = useFormatters();
  if (values.length < 2 && current === null) return null;
  const count = (value: string) => values.find((item) => item.value === value)?.count ?? 0;
  const options: { value: string; label: string; count: number | null }[] = [
    { value: "", label: t("facets.verifiedAny"), count: null },
    { value: "true", label: t("facets.verifiedTrue"), count: count("true") },
    { value: "false", label: t("facets.verifiedFalse"), count: count("false") },
  ];
  const selected = current === null ? "" : String(current);
  return (
    <fieldset className="facet">
      <legend className="facet__legend">{t("facets.verified")}</legend>
      <div className="facet__values">
        {options.map((option) => (
          <label key={option.value} className="facet__option">
            <input type="radio" name="verified" value={option.value} defaultChecked={option.value === selected} key={`${option.value}-${selected}`} />
            {option.label}
            {option.count !== null ? (
              <span className="facet__count" suppressHydrationWarning>
                {format.number(option.count)}
              </span>
            ) : null}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function ProductHitList({ hits, lang }: { hits: PageProductHit[]; lang: string }) {
  const { t } = useTranslation("search");
  const link = useFollowLink();
  const { t: tCatalog } = useTranslation("catalog");
  const format = useFormatters();
  if (!hits.length) return null;
  // The same words on every card: looked up once per list. Numbers and prices
  // with one set of formatters for the list, not a hook per card.
  const words = { hs: t("hit.hs"), moq: t("hit.moq"), fob: t("hit.fob"), unverified: t("hit.unverified"), notPublic: t("hit.notPublic"), certifications: t("hit.certifications") };
  return (
    <ol className="search-hits">
      {hits.map((hit) => (
        <li key={hit.id} className={hit.thumbKey ? "card search-hit search-hit--image" : "card search-hit"}>
          {hit.thumbKey ? <img src={`/media/${hit.thumbKey}`} alt="" loading="lazy" className="search-hit__image" /> : null}
          <div className="search-hit__body">
            <h3 className="search-hit__title">
              <a lang={hit.nameKind === "fallback" ? hit.nameLocale : undefined} {...link(`/${lang}/products/${hit.id}`)}>
                {hit.name}
              </a>{" "}
              {productTitleMark(tCatalog, { kind: hit.nameKind, locale: hit.nameLocale })}
            </h3>
            <p className="search-hit__firm">
              <a {...link(`/${lang}/firms/${hit.firmSlug}`)}>
                {hit.firmName}
              </a>
              {hit.town ? <span className="muted">{` · ${hit.town}`}</span> : null}
              {!hit.verified ? <span className="badge badge--pending">{words.unverified}</span> : null}
              {hit.verified && !hit.public ? <span className="badge badge--pending">{words.notPublic}</span> : null}
            </p>
            <dl className="search-hit__facts">
              <div>
                <dt>{words.hs}</dt>
                <dd>{formatHsCode(hit.hsCode)}</dd>
              </div>
              {hit.moq !== null ? (
                <div>
                  <dt>{words.moq}</dt>
                  <dd suppressHydrationWarning>{`${format.number(hit.moq)} ${hit.moqUnitName ?? ""}`}</dd>
                </div>
              ) : null}
              {hit.priceMinUsd !== null || hit.priceMaxUsd !== null ? (
                <div>
                  <dt>{words.fob}</dt>
                  <dd suppressHydrationWarning>{format.usdRange(hit.priceMinUsd, hit.priceMaxUsd)}</dd>
                </div>
              ) : null}
            </dl>
            {certificationBadges(hit.certifications, words.certifications)}
          </div>
        </li>
      ))}
    </ol>
  );
}

export function FirmHitList({ hits, lang }: { hits: PageFirmHit[]; lang: string }) {
  const { t } = useTranslation("search");
  const link = useFollowLink();
  const { t: tCatalog } = useTranslation("catalog");
  if (!hits.length) return null;
  const certifications = t("hit.certifications");
  return (
    <ol className="search-hits">
      {hits.map((hit) => (
        <li key={hit.id} className="card search-hit">
          <div className="search-hit__body">
            <h3 className="search-hit__title">
              <a lang={hit.nameIsFallback ? hit.nameLocale : undefined} {...link(`/${lang}/firms/${hit.slug}`)}>
                {hit.name}
              </a>{" "}
              {hit.nameIsFallback ? fallbackMark(tCatalog, hit.nameLocale) : originMark(tCatalog, hit.nameOrigin)}
            </h3>
            <p className="muted">
              {[hit.cluster, hit.town, t("hit.products", { count: hit.productCount })].filter(Boolean).join(" · ")}
              {!hit.verified ? <span className="badge badge--pending">{t("hit.unverified")}</span> : null}
            </p>
            {hit.description ? <p className="search-hit__summary">{hit.description}</p> : null}
            {certificationBadges(hit.certifications, certifications)}
          </div>
        </li>
      ))}
    </ol>
  );
}

/** A hit's certifications (a plain function: the lists look their label up once). */
function certificationBadges(codes: string[], label: string) {
  if (!codes.length) return null;
  return (
    <ul className="search-hit__badges" aria-label={label}>
      {codes.map((code) => (
        <li key={code} className="badge">
          {code}
        </li>
      ))}
    </ul>
  );
}
