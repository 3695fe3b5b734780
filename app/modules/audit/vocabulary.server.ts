import { getFixedT } from "~/i18n/i18next.server";
import { textFallbacks, type Locale } from "~/i18n/config";
import { textIn } from "~/modules/i18n-text/localized-text";
import { countryName } from "~/modules/reference/countries.server";
import { languageName } from "~/modules/reference/languages.server";
import { prisma } from "~/utils/db.server";
import { ZHONGSHAN_TIME_ZONE } from "~/utils/time-zone";
import type { Vocabulary } from "./describe";

/** Where the labels of a field's enumerated values already live, besides `audit:values.<field>`. */
const enumKeys: Record<string, string> = {
  employeesBand: "catalog:firm.employees",
  businessTypes: "catalog:firm.businessTypes",
  salesChannels: "catalog:firm.salesChannels",
  moqUnit: "catalog:units",
  unit: "catalog:units",
  status: "buyer:status",
  visibility: "buyer:visibility",
  verification: "audit:status",
};

const MISSING = "\u0000";

/** The reader's words for the audit trail, with the names of the towns and clusters its events mention. */
export async function auditVocabulary(locale: Locale, ids: { towns: string[]; clusters: string[] }): Promise<Vocabulary> {
  const [t, towns, clusters] = await Promise.all([
    getFixedT(locale, ["audit", "catalog", "buyer"]),
    ids.towns.length ? prisma.town.findMany({ where: { id: { in: ids.towns } }, select: { id: true, name: true } }) : [],
    ids.clusters.length ? prisma.cluster.findMany({ where: { id: { in: ids.clusters } }, select: { id: true, name: true } }) : [],
  ]);
  const fallbacks = textFallbacks[locale];
  const townNames = new Map(towns.map((town) => [town.id, textIn(town.name, locale, fallbacks)]));
  const clusterNames = new Map(clusters.map((cluster) => [cluster.id, textIn(cluster.name, locale, fallbacks)]));
  const found = (keys: string[]) => {
    const text = t(keys, { defaultValue: MISSING });
    return text === MISSING ? undefined : text;
  };
  return {
    locale,
    zone: ZHONGSHAN_TIME_ZONE,
    countryName: (code) => countryName(code, locale),
    languageName: (code) => languageName(code, locale),
    townName: (id) => townNames.get(id),
    clusterName: (id) => clusterNames.get(id),
    fieldLabel: (field) => found([`audit:fields.${field}`]),
    enumLabel: (field, value) => found([`audit:values.${field}.${value}`, ...(enumKeys[field] ? [`${enumKeys[field]}.${value}`] : [])]),
    localized: (value) => textIn(value, locale, fallbacks),
    yes: t("audit:trail.yes"),
    no: t("audit:trail.no"),
    empty: t("audit:trail.emptyValue"),
  };
}
