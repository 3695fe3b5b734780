import { attributeValueLabel, productTypesByKey, vocabularyLocale, vocabularyName, type ProductType } from "./vocabulary";

/**
 * A product title built from structured data alone, e.g.
 * "24 W aluminium LED ceiling light" / "Luminária de teto LED de alumínio 24 W" /
 * "24W 铝合金 LED吸顶灯", with the firm's model number kept ("… XH-C2400").
 * Null when the product has no known type.
 *
 * It never says a word twice nor two materials: a type whose name carries a
 * material ("steel filing cabinet", "estante de jacarandá") is named without
 * it when the firm gave a material (the firm's data is the more exact), and a
 * material the name already says (or a broader one: solid wood of rosewood)
 * is not repeated.
 */
export function structuredTitle(attributes: unknown, locale: string, model?: string | null): string | null {
  if (!attributes || typeof attributes !== "object") return null;
  const record = attributes as Record<string, unknown>;
  const type = typeof record.type === "string" ? productTypesByKey.get(record.type) : undefined;
  if (!type) return null;
  const lang = vocabularyLocale(locale);
  const materials = (["material", "fabric"] as const).filter((key) => typeof record[key] === "string" && attributeValueLabel(key, record[key], locale));
  // A broader material than the name's (solid wood of a rosewood bookcase) adds nothing; any other
  // replaces the name's own (the firm's data is the more exact: "100% algodão" of a cotton T-shirt).
  const said = materials.filter((key) => !isBroader(type, String(record[key])));
  const noun = said.length && type.plain ? vocabularyName(type.plain, locale) : vocabularyName(type.names, locale);
  const power = attributeValueLabel("powerW", record.powerW, locale);
  const materialLabels: string[] = [];
  for (const key of said) {
    const label = attributeValueLabel(key, record[key], locale)!;
    // A second material that only repeats words already in the title ("algodão" after "100% algodão") adds nothing.
    if (!contentWords(label).every((word) => contentWords([noun, ...materialLabels].join(" ")).includes(word))) materialLabels.push(label);
  }
  const tail = model ? [model] : [];
  if (lang === "zh-CN") return [power?.replace(/\s+/g, ""), ...materialLabels.map((q) => q.replace(/\s+/g, "")), noun, ...tail].filter(Boolean).join(" ");
  if (lang === "en") return capitalise([power, ...materialLabels, noun, ...tail].filter(Boolean).join(" "));
  // Portuguese: "Estante de madeira maciça", "Camiseta 100% algodão", power after the material.
  const ofMaterial = materialLabels.map((label) => (/^\d/.test(label) ? label : `de ${label}`));
  return capitalise([noun, ...ofMaterial, power, ...tail].filter(Boolean).join(" "));
}

/** Broader words for a material a type's name says. */
const BROADER: Record<string, readonly string[]> = { rosewood: ["solid-wood"], "stainless-steel": ["steel"], crystal: ["glass"] };

function isBroader(type: ProductType, value: string) {
  return !!type.material && (BROADER[type.material] ?? []).includes(value);
}

/** Lower-case, accent-free words of a title, without Portuguese and English link words. */
const LINK_WORDS = new Set(["de", "da", "do", "das", "dos", "e", "com", "para", "a", "o", "em", "of", "with", "and", "for"]);
export function contentWords(text: string): string[] {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}%'-]+/u)
    .filter((word) => word && !LINK_WORDS.has(word));
}

/**
 * A model number in what the firm wrote ("24W 铝合金 LED吸顶灯 XH-C2400" →
 * "XH-C2400"): a run of Latin letters and digits holding both, that is not a
 * measure (24W, 220V, 4000K) nor a protection rating (IP65).
 */
export function modelNumber(text: string | null | undefined): string | null {
  if (!text) return null;
  for (const token of text.split(/[^A-Za-z0-9\-/.]+/)) {
    const word = token.replace(/^[-/.]+|[-/.]+$/g, "");
    if (word.length < 3 || !/\d/.test(word) || !/[A-Za-z]/.test(word)) continue;
    if (/^\d+(\.\d+)?(w|kw|v|k|l|cm|mm|m|kg|g|lm|a|mah|hz)$/i.test(word) || /^ip\d{2}$/i.test(word)) continue;
    return word;
  }
  return null;
}

function capitalise(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
