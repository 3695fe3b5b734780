/**
 * Fictional but realistic demo data: firms of Zhongshan's specialty towns
 * with products carrying real HS codes, and buyers from Portuguese-speaking
 * and Belt-and-Road countries with sourcing requests. Pure functions of an
 * index, so any scale is generated in streaming batches, identically on
 * every run.
 */
import { structuredTitle } from "~/modules/product/title";
import { productTypes, vocabularyName, type ClusterKey, type Names, type ProductAttributes, type ProductType } from "~/modules/product/vocabulary";

/** The demo's Portuguese product words: Brazilian, the buyers most firms write for. */
const ptName = (names: Names) => vocabularyName(names, "pt-BR");
import { withUsccCheck } from "~/modules/firm/uscc";
import { countryName } from "~/modules/reference/countries.server";
import { clusterTowns as towns } from "./reference";
import type { Rng } from "~/utils/random";
import { chance, intBetween, pick, pickSome, rngFor } from "./random";

export const scales = {
  small: { firms: 60, products: 480, buyers: 40, requests: 80 },
  medium: { firms: 1_000, products: 10_000, buyers: 500, requests: 2_000 },
  large: { firms: 10_000, products: 100_000, buyers: 4_000, requests: 20_000 },
} as const;
export type ScaleName = keyof typeof scales;
export type Scale = { firms: number; products: number; buyers: number; requests: number };

type Text = Record<string, { text: string; origin: "author" }>;
const authored = (values: Record<string, string | undefined>): Text =>
  Object.fromEntries(
    Object.entries(values)
      .filter((entry): entry is [string, string] => Boolean(entry[1]))
      .map(([locale, text]) => [locale, { text, origin: "author" as const }]),
  );

// Characters for fictional brand names, with their pinyin.
// prettier-ignore
const brandChars: [string, string][] = [
  ["星", "xing"], ["辉", "hui"], ["明", "ming"], ["朗", "lang"], ["恒", "heng"], ["嘉", "jia"], ["韵", "yun"], ["锦", "jin"],
  ["川", "chuan"], ["泓", "hong"], ["森", "sen"], ["瑞", "rui"], ["丰", "feng"], ["卓", "zhuo"], ["耀", "yao"], ["启", "qi"],
  ["航", "hang"], ["天", "tian"], ["图", "tu"], ["润", "run"], ["达", "da"], ["晨", "chen"], ["曦", "xi"], ["海", "hai"],
  ["凯", "kai"], ["越", "yue"], ["禾", "he"], ["博", "bo"], ["雅", "ya"], ["鼎", "ding"], ["盛", "sheng"], ["聚", "ju"],
  ["福", "fu"], ["永", "yong"], ["信", "xin"], ["彩", "cai"], ["源", "yuan"], ["优", "you"], ["品", "pin"], ["景", "jing"],
  ["美", "mei"], ["万", "wan"], ["骏", "jun"], ["创", "chuang"], ["乐", "le"], ["诺", "nuo"], ["澜", "lan"], ["泰", "tai"],
];

// prettier-ignore
const industries: Record<ClusterKey, { zh: string; en: string; pt: string; unit: string; price: [number, number]; moq: [number, number] }> = {
  lighting: { zh: "照明", en: "Lighting", pt: "Iluminação", unit: "pieces", price: [3, 180], moq: [100, 2000] },
  hardware: { zh: "五金制品", en: "Hardware", pt: "Ferragens", unit: "pieces", price: [0.05, 160], moq: [200, 10000] },
  appliances: { zh: "电器", en: "Electrical Appliances", pt: "Eletrodomésticos", unit: "units", price: [8, 260], moq: [100, 1000] },
  "office-furniture": { zh: "家具", en: "Office Furniture", pt: "Móveis de Escritório", unit: "pieces", price: [35, 600], moq: [20, 300] },
  "casual-wear": { zh: "服饰", en: "Garments", pt: "Vestuário", unit: "pieces", price: [2, 35], moq: [300, 5000] },
  "redwood-furniture": { zh: "红木家具", en: "Classical Furniture", pt: "Móveis Clássicos", unit: "sets", price: [300, 9000], moq: [1, 20] },
};

// prettier-ignore
const clusterCertifications: Record<ClusterKey, string[]> = {
  lighting: ["CE", "RoHS", "UL", "ETL", "SAA", "INMETRO", "CCC", "CB", "ISO9001"],
  hardware: ["CE", "ISO9001", "UL", "GS", "ISO14001", "INMETRO"],
  appliances: ["CE", "CB", "CCC", "UL", "RoHS", "INMETRO", "SASO", "GS", "ISO9001"],
  "office-furniture": ["BIFMA", "ISO9001", "ISO14001", "FSC", "GS"],
  "casual-wear": ["OEKO-TEX", "BSCI", "ISO9001"],
  "redwood-furniture": ["FSC", "ISO9001"],
};

// prettier-ignore
const attributeChoices: Record<ClusterKey, (rng: Rng) => ProductAttributes> = {
  lighting: (rng) => ({ powerW: pick(rng, [6, 9, 12, 18, 24, 36, 48, 60, 100]), colourTempK: pick(rng, [2700, 3000, 4000, 5000, 6500]), material: pick(rng, ["aluminium", "iron", "glass", "crystal", "acrylic", "brass"]), finish: pick(rng, ["black", "white", "gold", "chrome"]), ipRating: pick(rng, ["IP20", "IP44", "IP65"]) }),
  hardware: (rng) => ({ material: pick(rng, ["stainless-steel", "zinc-alloy", "brass", "aluminium"]), finish: pick(rng, ["satin-nickel", "black", "chrome", "gold"]) }),
  appliances: (rng) => ({ powerW: pick(rng, [500, 800, 1000, 1200, 1500, 1800, 2000, 2200]), capacityL: pick(rng, [1, 1.5, 1.7, 3, 4, 5, 6]), voltage: pick(rng, ["220-240", "110-127", "100-240"]), finish: pick(rng, ["black", "white", "grey"]) }),
  "office-furniture": (rng) => ({ material: pick(rng, ["mesh", "leather", "steel", "mdf", "solid-wood"]), finish: pick(rng, ["black", "grey", "white", "natural"]) }),
  "casual-wear": (rng) => ({ fabric: pick(rng, ["cotton", "cotton-polyester", "denim", "linen", "polyester", "fleece"]), sizeRange: pick(rng, ["s-xxl", "m-4xl", "kids"]), finish: pick(rng, ["black", "white", "grey", "blue"]) }),
  "redwood-furniture": (rng) => ({ material: "rosewood", finish: pick(rng, ["natural", "lacquer"]) }),
};

// Export markets firms of each town commonly serve (plus a random rest).
const markets = ["BR", "PT", "AO", "MZ", "CV", "MO", "US", "DE", "FR", "GB", "AE", "SA", "ID", "MY", "TH", "VN", "PH", "NG", "KE", "RU", "CL", "MX", "AU", "KZ", "TR", "PL"];
const employeeBands = ["1-49", "50-99", "100-299", "300-999", "1000+"];
const businessTypes = ["manufacturer", "trading", "oem-odm", "own-brand"];
const salesChannels = ["trade-fairs", "cross-border-ecommerce", "live-streaming", "distributors", "online-trade-shows"];
// prettier-ignore
const contactNames = ["陈伟", "李娜", "黄志强", "梁晓敏", "何建华", "林嘉欣", "吴俊杰", "郑丽华", "刘洋", "张敏", "冯家豪", "谭静"];
const contactTitlesZh = ["外贸经理", "销售总监", "业务经理", "总经理"];

export interface FirmSeed {
  id: string;
  index: number;
  slug: string;
  externalId: string;
  uscc: string;
  townSlug: string;
  clusterSlug: ClusterKey;
  name: Text;
  description: Text;
  address: Text;
  foundedYear: number;
  employeesBand: string;
  businessTypes: string[];
  exportMarkets: string[];
  languages: string[];
  salesChannels: string[];
  certifications: { code: string; validFrom: string; validUntil: string }[];
  contacts: { name: string; title: string; email: string; phone: string }[];
  website: string;
  email: string;
  phone: string;
  verification: "PENDING" | "VERIFIED" | "REJECTED";
  verificationReason: string | null;
  published: boolean;
  brandPinyin: string;
}

function brandFor(index: number): { zh: string; pinyin: string; initials: string } {
  const n = brandChars.length;
  const k = Math.floor(index / towns.length);
  const a = k % n;
  const b = (a + 1 + Math.floor(k / n)) % n;
  const round = Math.floor(k / (n * (n - 1)));
  const [ca, pa] = brandChars[a];
  const [cb, pb] = brandChars[b === a ? (b + 1) % n : b];
  const suffix = round > 0 ? String(round + 1) : "";
  const pinyin = `${pa[0].toUpperCase()}${pa.slice(1)}${pb}${suffix}`;
  return { zh: `${ca}${cb}${suffix}`, pinyin, initials: `${pa[0]}${pb[0]}`.toUpperCase() };
}

function listIn(codes: string[], locale: string) {
  return new Intl.ListFormat(locale === "zh-CN" ? "zh" : locale, { style: "short", type: "conjunction" }).format(
    codes.map((code) => countryName(code, locale)),
  );
}

export function firmSeed(index: number): FirmSeed {
  const rng = rngFor("firm", index);
  const town = towns[index % towns.length];
  const cluster = town.cluster.slug;
  const industry = industries[cluster];
  const brand = brandFor(index);
  const clusterTypes = productTypes.filter((type) => type.cluster === cluster);
  const [typeA, typeB] = pickSome(rng, clusterTypes, 2, 2);
  const foundedYear = intBetween(rng, 1988, 2021);
  const employeesBand = pick(rng, employeeBands);
  const exportMarkets = pickSome(rng, markets, 3, 9);
  if (index === 0) exportMarkets.splice(0, exportMarkets.length, "BR", "PT", "AO", "MO", "DE", "AE");
  const marketsForText = exportMarkets.slice(0, 4);
  const nameZh = `中山市${town.name["zh-CN"]}${brand.zh}${industry.zh}有限公司`;
  const nameEn = `Zhongshan ${town.name.en} ${brand.pinyin} ${industry.en} Co., Ltd.`;
  const namePt = `${brand.pinyin} ${industry.pt} (Zhongshan)`;
  const hasEn = index === 0 || chance(rng, 0.85);
  const hasPt = index === 0 || chance(rng, 0.35);
  const descriptionZh = `${nameZh}成立于${foundedYear}年，位于中山市${town.name["zh-CN"]}镇，专业生产${typeA.names["zh-CN"]}、${typeB.names["zh-CN"]}等${town.cluster.name["zh-CN"]}产品，员工${employeesBand.replace("+", "余")}人，产品出口${listIn(marketsForText, "zh-CN")}等国家和地区，可承接OEM/ODM订单。`;
  const descriptionEn = `Founded in ${foundedYear} in ${town.name.en}, Zhongshan, ${brand.pinyin} makes ${typeA.names.en}s, ${typeB.names.en}s and other ${town.cluster.name.en.toLowerCase()} products with ${employeesBand} employees, exporting to ${listIn(marketsForText, "en")}. OEM and ODM orders welcome.`;
  const descriptionPt = `Fundada em ${foundedYear} em ${town.name.pt}, Zhongshan, a ${brand.pinyin} fabrica ${ptName(typeA.names)}, ${ptName(typeB.names)} e outros produtos de ${town.cluster.name.pt.toLowerCase()}, com ${employeesBand} funcionários, e exporta para ${listIn(marketsForText, "pt")}. Aceita encomendas OEM e ODM.`;
  const languages = ["zh", "en", ...(hasPt || chance(rng, 0.25) ? ["pt"] : []), ...(chance(rng, 0.2) ? ["es"] : []), ...(chance(rng, 0.06) ? ["ar"] : []), ...(chance(rng, 0.05) ? ["ru"] : [])];
  const certCodes = pickSome(rng, clusterCertifications[cluster], 1, 4);
  if (index === 0) certCodes.splice(0, certCodes.length, "CE", "RoHS", "INMETRO", "ISO9001");
  const certifications = certCodes.map((code) => {
    const from = intBetween(rng, 2021, 2025);
    return { code, validFrom: `${from}-0${intBetween(rng, 1, 9)}-01`, validUntil: `${from + intBetween(rng, 2, 5)}-12-31` };
  });
  const domain = `${brand.pinyin.toLowerCase()}-${town.slug}.example.cn`;
  const contactName = pick(rng, contactNames);
  const verification: FirmSeed["verification"] = index === 0 ? "VERIFIED" : index % 17 === 5 ? "PENDING" : index % 41 === 7 ? "REJECTED" : "VERIFIED";
  return {
    id: `seed-f-${String(index).padStart(6, "0")}`,
    index,
    slug: `${brand.pinyin.toLowerCase()}-${cluster}-${town.slug}`,
    externalId: `ZS-F-${String(index + 1).padStart(6, "0")}`,
    uscc: withUsccCheck(`91442000${uscc9(rng)}`),
    townSlug: town.slug,
    clusterSlug: cluster,
    name: authored({ "zh-CN": nameZh, en: hasEn ? nameEn : undefined, pt: hasPt ? namePt : undefined }),
    description: authored({ "zh-CN": descriptionZh, en: hasEn && chance(rng, 0.85) ? descriptionEn : undefined, pt: hasPt ? descriptionPt : undefined }),
    address: authored({
      "zh-CN": `广东省中山市${town.name["zh-CN"]}镇${pick(rng, ["同益", "东岸", "中兴", "富华", "兴业", "工业"])}路${intBetween(rng, 1, 288)}号`,
      en: `No. ${intBetween(rng, 1, 288)}, ${pick(rng, ["Tongyi", "Dong'an", "Zhongxing", "Fuhua", "Xingye", "Gongye"])} Road, ${town.name.en}, Zhongshan, Guangdong, China`,
    }),
    foundedYear,
    employeesBand,
    businessTypes: pickSome(rng, businessTypes, 1, 2),
    exportMarkets,
    languages,
    salesChannels: pickSome(rng, salesChannels, 1, 3),
    certifications,
    contacts: [{ name: contactName, title: pick(rng, contactTitlesZh), email: `sales@${domain}`, phone: `+86 760 ${intBetween(rng, 2200, 8999)} ${intBetween(rng, 1000, 9999)}` }],
    website: `https://www.${domain}`,
    email: `info@${domain}`,
    phone: `+86 760 ${intBetween(rng, 2200, 8999)} ${intBetween(rng, 1000, 9999)}`,
    verification,
    verificationReason: verification === "REJECTED" ? "营业执照信息与信用代码不符 / Business licence does not match the credit code." : null,
    published: verification === "VERIFIED",
    brandPinyin: brand.pinyin,
  };
}

function uscc9(rng: Rng) {
  const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  let out = "";
  for (let i = 0; i < 9; i++) out += alphabet[Math.floor(rng() * (i < 8 ? 10 : alphabet.length))];
  return out;
}

export interface ProductSeed {
  id: string;
  slug: string;
  externalId: string;
  firmId: string;
  hsCode: string;
  name: Text;
  description: Text;
  attributes: ProductAttributes;
  moq: number;
  moqUnit: string;
  priceMinUsd: string;
  priceMaxUsd: string;
  leadTimeDays: number;
  certifications: string[];
  published: boolean;
}

/** Product `index` belongs to firm `index % firms`, in that firm's cluster. */
export function productSeed(index: number, scale: Scale): ProductSeed {
  const rng = rngFor("product", index);
  const firmIndex = index % scale.firms;
  const firm = firmSeed(firmIndex);
  const cluster = firm.clusterSlug;
  const industry = industries[cluster];
  const clusterTypes = productTypes.filter((type) => type.cluster === cluster);
  // The demo firm's first products are ceiling lights, the demo buyer's request.
  const type: ProductType = firmIndex === 0 && index < scale.firms * 2 ? clusterTypes[0] : pick(rng, clusterTypes);
  const attributes: ProductAttributes = { type: type.key, ...attributeChoices[cluster](rng) };
  const model = `${firm.brandPinyin.slice(0, 2).toUpperCase()}-${type.key.split("-").map((part) => part[0]).join("").toUpperCase()}${intBetween(rng, 100, 9999)}`;
  const title = (locale: string) => `${structuredTitle(attributes, locale === "pt" ? "pt-BR" : locale, model)}`;
  const hasEn = firmIndex === 0 || chance(rng, 0.65);
  const hasPt = firmIndex === 0 || chance(rng, 0.35);
  const [low, high] = industry.price;
  const base = low + (high - low) * rng() ** 2;
  const priceMin = Math.max(0.05, Math.round(base * 100) / 100);
  const priceMax = Math.round(priceMin * (1.1 + rng() * 0.8) * 100) / 100;
  const moq = roundMoq(intBetween(rng, industry.moq[0], industry.moq[1]));
  const certifications = pickSome(rng, firm.certifications.map((c) => c.code), 0, 3);
  const leadTimeDays = intBetween(rng, 7, 60);
  const unitZh = { pieces: "件", units: "台", sets: "套" }[industry.unit] ?? "件";
  const unitPt = { pieces: "peças", units: "unidades", sets: "conjuntos" }[industry.unit] ?? "peças";
  return {
    id: `seed-p-${String(index).padStart(7, "0")}`,
    slug: `${type.key}-${model.toLowerCase()}`,
    externalId: `ZS-P-${String(index + 1).padStart(7, "0")}`,
    firmId: firm.id,
    hsCode: type.hs,
    name: authored({ "zh-CN": title("zh-CN"), en: hasEn ? title("en") : undefined, pt: hasPt ? title("pt") : undefined }),
    description: authored({
      "zh-CN": `${firm.name["zh-CN"].text}出品${type.names["zh-CN"]}，型号${model}。支持OEM/ODM定制，最小起订量${moq}${unitZh}，交期约${leadTimeDays}天。`,
      en: hasEn ? `${type.names.en[0].toUpperCase()}${type.names.en.slice(1)} ${model} by ${firm.brandPinyin}. OEM/ODM available, minimum order ${moq} ${industry.unit}, lead time about ${leadTimeDays} days.` : undefined,
      pt: hasPt ? `${ptName(type.names)[0].toUpperCase()}${ptName(type.names).slice(1)} ${model} da ${firm.brandPinyin}. Aceita OEM/ODM, encomenda mínima de ${moq} ${unitPt}, prazo de entrega de cerca de ${leadTimeDays} dias.` : undefined,
    }),
    attributes,
    moq,
    moqUnit: industry.unit,
    priceMinUsd: priceMin.toFixed(2),
    priceMaxUsd: priceMax.toFixed(2),
    leadTimeDays,
    certifications,
    published: true,
  };
}

function roundMoq(value: number) {
  if (value >= 1000) return Math.round(value / 500) * 500;
  if (value >= 100) return Math.round(value / 50) * 50;
  return value;
}

// prettier-ignore
const buyerCountries: { code: string; weight: number; languages: string[]; names: string[]; pattern: (name: string) => string }[] = [
  { code: "BR", weight: 18, languages: ["pt", "en"], names: ["Atlântico", "Horizonte", "Paulista", "Carioca", "Bandeirantes", "Estrela do Sul", "Ipê", "Cerrado", "Amazonas", "Litoral"], pattern: (n) => `Importadora ${n} Ltda.` },
  { code: "PT", weight: 10, languages: ["pt", "en", "es"], names: ["Tejo", "Douro", "Lusitânia", "Atlântida", "Minho", "Algarve"], pattern: (n) => `${n} Comércio Internacional, Lda.` },
  { code: "AO", weight: 9, languages: ["pt"], names: ["Kwanza", "Luanda", "Benguela", "Huíla", "Cabinda"], pattern: (n) => `${n} Importações, Lda.` },
  { code: "MZ", weight: 7, languages: ["pt", "en"], names: ["Maputo", "Zambeze", "Beira", "Limpopo", "Niassa"], pattern: (n) => `${n} Trading, Lda.` },
  { code: "CV", weight: 3, languages: ["pt"], names: ["Praia", "Mindelo", "Sal", "Fogo"], pattern: (n) => `${n} Comércio, SA` },
  { code: "GW", weight: 2, languages: ["pt", "fr"], names: ["Bissau", "Cacheu", "Bafatá"], pattern: (n) => `${n} Importações` },
  { code: "ST", weight: 1, languages: ["pt"], names: ["Equador", "Príncipe"], pattern: (n) => `${n} Comercial, Lda.` },
  { code: "TL", weight: 2, languages: ["pt", "en"], names: ["Díli", "Baucau", "Lautém"], pattern: (n) => `${n} Trading, Unipessoal` },
  { code: "GQ", weight: 1, languages: ["es", "pt", "fr"], names: ["Malabo", "Bata"], pattern: (n) => `${n} Importaciones S.L.` },
  { code: "MO", weight: 4, languages: ["zh", "pt", "en"], names: ["Nam Van", "Taipa", "Coloane", "Senado"], pattern: (n) => `${n} Trading Company Limited` },
  { code: "ID", weight: 3, languages: ["id", "en"], names: ["Nusantara", "Garuda", "Merapi"], pattern: (n) => `PT ${n} Indonesia` },
  { code: "MY", weight: 3, languages: ["ms", "en", "zh"], names: ["Petaling", "Melaka", "Penang"], pattern: (n) => `${n} Sdn. Bhd.` },
  { code: "TH", weight: 2, languages: ["th", "en"], names: ["Siam", "Chao Phraya"], pattern: (n) => `${n} Co., Ltd.` },
  { code: "VN", weight: 2, languages: ["vi", "en"], names: ["Mekong", "Hong Ha"], pattern: (n) => `${n} Trading JSC` },
  { code: "AE", weight: 3, languages: ["ar", "en"], names: ["Gulf Star", "Al Noor", "Desert Rose"], pattern: (n) => `${n} General Trading LLC` },
  { code: "SA", weight: 2, languages: ["ar", "en"], names: ["Najd", "Hijaz"], pattern: (n) => `${n} Trading Est.` },
  { code: "KE", weight: 2, languages: ["en", "sw"], names: ["Savannah", "Rift Valley"], pattern: (n) => `${n} Supplies Ltd` },
  { code: "NG", weight: 2, languages: ["en"], names: ["Lagos Bright", "Niger Delta"], pattern: (n) => `${n} Nigeria Ltd` },
  { code: "KZ", weight: 2, languages: ["ru", "kk", "en"], names: ["Steppe", "Almaty Trade"], pattern: (n) => `${n} LLP` },
  { code: "PK", weight: 1, languages: ["ur", "en"], names: ["Indus"], pattern: (n) => `${n} Traders` },
  { code: "TR", weight: 1, languages: ["tr", "en"], names: ["Anadolu"], pattern: (n) => `${n} Dış Ticaret A.Ş.` },
  { code: "PL", weight: 1, languages: ["pl", "en"], names: ["Wisła"], pattern: (n) => `${n} Sp. z o.o.` },
  { code: "CL", weight: 1, languages: ["es", "en"], names: ["Andes"], pattern: (n) => `Comercial ${n} SpA` },
  { code: "CN", weight: 3, languages: ["zh"], names: ["华南", "申城", "京津", "蓉城"], pattern: (n) => `${n}商贸有限公司` },
];
const buyerTypes = ["importer", "distributor", "retailer", "ecommerce", "franchise"];
const volumeBands = ["<50k", "50k-250k", "250k-1m", "1m-5m", ">5m"];
const incoterms = ["FOB", "CIF", "CFR", "EXW", "DDP", "DAP"];
const weightedCountries = buyerCountries.flatMap((country) => Array.from({ length: country.weight }, () => country));

export interface BuyerSeed {
  id: string;
  name: string;
  country: string;
  buyerType: string;
  languages: string[];
  interests: string[];
  volumeBand: string;
  requiredCertifications: string[];
  incoterms: string[];
  locale: "pt" | "en" | "zh-CN";
}

function uiLocaleFor(languages: string[]): BuyerSeed["locale"] {
  if (languages[0] === "pt") return "pt";
  if (languages[0] === "zh") return "zh-CN";
  return "en";
}

export function buyerSeed(index: number): BuyerSeed {
  const rng = rngFor("buyer", index);
  const country = index === 0 ? buyerCountries[0] : pick(rng, weightedCountries);
  const baseName = country.names[index % country.names.length];
  const round = Math.floor(index / country.names.length);
  const name = country.pattern(round > 0 ? `${baseName} ${round + 1}` : baseName);
  const clusters = pickSome(rng, towns.map((town) => town.cluster), 1, 2);
  if (index === 0) clusters.splice(0, clusters.length, towns[0].cluster, towns[3].cluster);
  const needsInmetro = country.code === "BR" && chance(rng, 0.6);
  return {
    id: `seed-b-${String(index).padStart(6, "0")}`,
    name,
    country: country.code,
    buyerType: index === 0 ? "importer" : pick(rng, buyerTypes),
    languages: country.languages,
    interests: clusters.flatMap((cluster) => cluster.hsHeadings.slice(0, 2)),
    volumeBand: pick(rng, volumeBands),
    requiredCertifications: index === 0 ? ["CE", "INMETRO"] : [...(needsInmetro ? ["INMETRO"] : []), ...(chance(rng, 0.4) ? ["CE"] : [])],
    incoterms: pickSome(rng, incoterms, 1, 3),
    locale: uiLocaleFor(country.languages),
  };
}

export interface RequestSeed {
  id: string;
  buyerCompanyId: string;
  title: Text;
  keywords: string;
  hsCodes: string[];
  quantity: number;
  unit: string;
  targetPriceUsd: string | null;
  requiredCertifications: string[];
  destinationCountry: string;
  deadline: Date;
  status: "OPEN" | "CLOSED";
  createdAt: Date;
}

/** Request `index` belongs to buyer `index % buyers`, for a product type it is interested in. */
export function requestSeed(index: number, scale: Scale, today: Date): RequestSeed {
  const rng = rngFor("request", index);
  const buyer = buyerSeed(index % scale.buyers);
  const candidates = productTypes.filter((type) => buyer.interests.some((heading) => type.hs.startsWith(heading)));
  const type = index === 0 ? productTypes[0] : pick(rng, candidates.length ? candidates : productTypes);
  const industry = industries[type.cluster];
  const quantity = index === 0 ? 500 : roundMoq(intBetween(rng, industry.moq[0], industry.moq[1] * 4));
  const [low, high] = industry.price;
  const target = index === 0 ? 25 : Math.round((low + (high - low) * rng() ** 2) * 100) / 100;
  const locale = buyer.locale;
  const unitPt = { pieces: "peças", units: "unidades", sets: "conjuntos" }[industry.unit] ?? "peças";
  const unitZh = { pieces: "件", units: "台", sets: "套" }[industry.unit] ?? "件";
  const title =
    locale === "pt"
      ? `Procuramos ${ptName(type.names)} — ${quantity} ${unitPt}`
      : locale === "zh-CN"
        ? `求购${type.names["zh-CN"]}${quantity}${unitZh}`
        : `Looking for ${type.names.en}: ${quantity} ${industry.unit}`;
  const keywordLocale = locale === "zh-CN" ? "zh-CN" : locale;
  const createdAt = new Date(today.getTime() - intBetween(rng, 1, 120) * 86_400_000);
  const deadline = new Date(today.getTime() + intBetween(rng, -20, 150) * 86_400_000);
  return {
    id: `seed-r-${String(index).padStart(6, "0")}`,
    buyerCompanyId: buyer.id,
    title: authored({ [locale]: title }),
    keywords: vocabularyName(type.names, keywordLocale === "pt" ? "pt-BR" : keywordLocale),
    hsCodes: [type.hs],
    quantity,
    unit: industry.unit,
    targetPriceUsd: chance(rng, 0.8) || index === 0 ? target.toFixed(2) : null,
    requiredCertifications: index === 0 ? ["CE", "INMETRO"] : buyer.requiredCertifications,
    destinationCountry: buyer.country,
    deadline,
    status: index === 0 || deadline > today ? "OPEN" : "CLOSED",
    createdAt,
  };
}

/** Demo sign-ins, printed in the README. */
export const demoAccounts = [
  { email: "admin@ponte.demo", password: "Ponte-admin-2026", displayName: "Ponte Admin", role: "ADMIN", locale: "en" },
  { email: "bureau@ponte.demo", password: "Ponte-bureau-2026", displayName: "商务局 王芳", role: "BUREAU_STAFF", locale: "zh-CN" },
  { email: "firm@ponte.demo", password: "Ponte-firm-2026", displayName: "陈伟", role: "FIRM_MEMBER", locale: "zh-CN", firmIndex: 0 },
  { email: "buyer@ponte.demo", password: "Ponte-buyer-2026", displayName: "Ana Souza", role: "BUYER", locale: "pt", buyerIndex: 0 },
] as const;
