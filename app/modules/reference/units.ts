/**
 * Units of quantity for MOQs and sourcing requests, named in every language.
 * Imports accept the key or any of the names ("件", "pcs", "peças" are all
 * "pieces"); pages show the name in the reader's language.
 */
type UnitNames = { "zh-CN": string; en: string; pt: string };

// prettier-ignore
export const quantityUnits: { key: string; names: UnitNames; aliases?: string[] }[] = [
  { key: "pieces", names: { "zh-CN": "件", en: "pieces", pt: "peças" }, aliases: ["pcs", "pc", "piece", "个", "只", "peça"] },
  { key: "units", names: { "zh-CN": "台", en: "units", pt: "unidades" }, aliases: ["unit", "unidade"] },
  { key: "sets", names: { "zh-CN": "套", en: "sets", pt: "conjuntos" }, aliases: ["set", "conjunto"] },
  { key: "pairs", names: { "zh-CN": "双", en: "pairs", pt: "pares" }, aliases: ["pair", "par", "对"] },
  { key: "dozens", names: { "zh-CN": "打", en: "dozens", pt: "dúzias" }, aliases: ["dozen", "dz", "dúzia"] },
  { key: "boxes", names: { "zh-CN": "盒", en: "boxes", pt: "caixas" }, aliases: ["box", "caixa"] },
  { key: "cartons", names: { "zh-CN": "箱", en: "cartons", pt: "cartões" }, aliases: ["carton", "ctn", "ctns", "cartão"] },
  { key: "metres", names: { "zh-CN": "米", en: "metres", pt: "metros" }, aliases: ["m", "meter", "meters", "metre", "metro"] },
  { key: "square-metres", names: { "zh-CN": "平方米", en: "square metres", pt: "metros quadrados" }, aliases: ["m2", "m²", "sqm", "square meters"] },
  { key: "kilograms", names: { "zh-CN": "千克", en: "kilograms", pt: "quilogramas" }, aliases: ["kg", "kgs", "公斤", "kilogram", "quilograma"] },
  { key: "tonnes", names: { "zh-CN": "吨", en: "tonnes", pt: "toneladas" }, aliases: ["t", "ton", "tons", "tonne", "tonelada"] },
  { key: "litres", names: { "zh-CN": "升", en: "litres", pt: "litros" }, aliases: ["l", "liter", "liters", "litre", "litro"] },
  { key: "containers-20ft", names: { "zh-CN": "20英尺集装箱", en: "20 ft containers", pt: "contentores de 20 pés" }, aliases: ["20ft", "20gp", "20'"] },
  { key: "containers-40ft", names: { "zh-CN": "40英尺集装箱", en: "40 ft containers", pt: "contentores de 40 pés" }, aliases: ["40ft", "40hq", "40gp", "40'"] },
];

export const quantityUnitKeys = quantityUnits.map((unit) => unit.key);

const fold = (text: string) => text.normalize("NFKC").trim().toLowerCase();

const byName = new Map<string, string>();
for (const unit of quantityUnits) {
  for (const name of [unit.key, ...Object.values(unit.names), ...(unit.aliases ?? [])]) byName.set(fold(name), unit.key);
}

/** The unit key for a key or name in any language, or null. */
export function matchQuantityUnit(input: string): string | null {
  return byName.get(fold(input)) ?? null;
}

export function quantityUnitName(key: string | null | undefined, locale: string): string {
  if (!key) return "";
  const unit = quantityUnits.find((candidate) => candidate.key === key);
  if (!unit) return key;
  return locale.startsWith("zh") ? unit.names["zh-CN"] : locale === "pt" || locale.startsWith("pt-") ? unit.names.pt : unit.names.en;
}
