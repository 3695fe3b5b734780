/**
 * Reference data the bureau edits later in the app: the specialty towns and
 * industry clusters of the source document ("一镇一品"), certifications, and
 * the trade fairs. Upserted by slug/code, so running it twice changes nothing.
 */
import type { ClusterKey } from "~/modules/product/vocabulary";

type Text3 = { "zh-CN": string; en: string; pt: string };

export type TownDesignation = "provincialSpecialtyTown" | "nationalBase";

export interface TownSeed {
  slug: string;
  name: Text3;
  /** Only where the source says so; the bureau records the others (and national bases) in the app. */
  designation?: TownDesignation;
  /** The specialty industry, where known; left out where it is not (README). */
  specialty?: Text3;
  cluster?: { slug: ClusterKey; name: Text3; hsHeadings: string[] };
}

const text3 = (zh: string, en: string, pt: string = en): Text3 => ({ "zh-CN": zh, en, pt });

/**
 * Zhongshan's towns and subdistricts. The first six are the specialty towns
 * the source document names ("小榄五金、古镇灯饰、南头家电、东升办公家具、
 * 沙溪休闲服装、大涌红木家具", 专业镇); it counts 18 provincial specialty
 * towns and 34 national industry bases without listing them, so the others
 * carry no designation until the bureau records it.
 */
// prettier-ignore
export const towns: TownSeed[] = [
  { slug: "guzhen", name: text3("古镇", "Guzhen"), designation: "provincialSpecialtyTown", specialty: text3("灯饰", "Lighting", "Iluminação"),
    cluster: { slug: "lighting", name: { "zh-CN": "灯饰", en: "Lighting", pt: "Iluminação" }, hsHeadings: ["9405", "8539"] } },
  { slug: "xiaolan", name: text3("小榄", "Xiaolan"), designation: "provincialSpecialtyTown", specialty: text3("五金锁具", "Hardware and locks", "Ferragens e fechaduras"),
    cluster: { slug: "hardware", name: { "zh-CN": "五金锁具", en: "Hardware and locks", pt: "Ferragens e fechaduras" }, hsHeadings: ["8301", "8302", "7318", "8481"] } },
  { slug: "nantou", name: text3("南头", "Nantou"), designation: "provincialSpecialtyTown", specialty: text3("家电", "Home appliances", "Eletrodomésticos"),
    cluster: { slug: "appliances", name: { "zh-CN": "家电", en: "Home appliances", pt: "Eletrodomésticos" }, hsHeadings: ["8516", "8509", "8414", "8418", "7321"] } },
  { slug: "dongsheng", name: text3("东升", "Dongsheng"), designation: "provincialSpecialtyTown", specialty: text3("办公家具", "Office furniture", "Móveis de escritório"),
    cluster: { slug: "office-furniture", name: { "zh-CN": "办公家具", en: "Office furniture", pt: "Móveis de escritório" }, hsHeadings: ["9401", "9403"] } },
  { slug: "shaxi", name: text3("沙溪", "Shaxi"), designation: "provincialSpecialtyTown", specialty: text3("休闲服装", "Casual wear", "Roupa casual"),
    cluster: { slug: "casual-wear", name: { "zh-CN": "休闲服装", en: "Casual wear", pt: "Roupa casual" }, hsHeadings: ["6105", "6109", "6110", "6103", "6201", "6203", "6204", "6205"] } },
  { slug: "dachong", name: text3("大涌", "Dachong"), designation: "provincialSpecialtyTown", specialty: text3("红木家具", "Rosewood furniture", "Móveis de jacarandá"),
    cluster: { slug: "redwood-furniture", name: { "zh-CN": "红木家具", en: "Rosewood furniture", pt: "Móveis de jacarandá" }, hsHeadings: ["9401", "9403", "4421"] } },
  { slug: "dongfeng", name: text3("东凤", "Dongfeng"), specialty: text3("家电", "Home appliances", "Eletrodomésticos") },
  { slug: "huangpu", name: text3("黄圃", "Huangpu"), specialty: text3("食品加工、家电", "Food processing, home appliances", "Processamento de alimentos, eletrodomésticos") },
  { slug: "sanxiang", name: text3("三乡", "Sanxiang"), specialty: text3("古典家具", "Antique-style furniture", "Móveis de estilo antigo") },
  { slug: "henglan", name: text3("横栏", "Henglan"), specialty: text3("灯饰、景观照明", "Lighting, landscape lighting", "Iluminação, iluminação paisagística") },
  { slug: "banfu", name: text3("板芙", "Banfu") },
  { slug: "sanjiao", name: text3("三角", "Sanjiao") },
  { slug: "minzhong", name: text3("民众", "Minzhong") },
  { slug: "gangkou", name: text3("港口", "Gangkou") },
  { slug: "fusha", name: text3("阜沙", "Fusha") },
  { slug: "tanzhou", name: text3("坦洲", "Tanzhou") },
  { slug: "nanlang", name: text3("南朗", "Nanlang") },
  { slug: "wuguishan", name: text3("五桂山", "Wuguishan") },
  { slug: "torch-zone", name: text3("火炬开发区", "Torch Development Zone", "Zona de Desenvolvimento Torch") },
  { slug: "shiqi", name: text3("石岐", "Shiqi") },
];

export interface CertificationSeed {
  code: string;
  name: Text3;
  /** ISO 3166-1 alpha-2 codes, or "EU", where it matters (issue 14); the bureau edits them. */
  markets: string[];
  /** Only where the certificate's usual term is well known (ISO management systems: 3 years). */
  validityMonths?: number;
}

const EU = "EU";

// prettier-ignore
export const certifications: CertificationSeed[] = [
  { code: "CE", name: { "zh-CN": "欧盟CE认证", en: "CE marking (EU)", pt: "Marcação CE (UE)" }, markets: [EU] },
  { code: "UL", name: { "zh-CN": "美国UL认证", en: "UL listed (USA)", pt: "Certificação UL (EUA)" }, markets: ["US", "CA"] },
  { code: "ETL", name: { "zh-CN": "ETL认证", en: "ETL listed", pt: "Certificação ETL" }, markets: ["US", "CA"] },
  { code: "RoHS", name: { "zh-CN": "RoHS有害物质限制", en: "RoHS compliant", pt: "Conformidade RoHS" }, markets: [EU] },
  { code: "CCC", name: { "zh-CN": "中国强制性产品认证（3C）", en: "China Compulsory Certificate (CCC)", pt: "Certificado Compulsório da China (CCC)" }, markets: ["CN"] },
  { code: "CB", name: { "zh-CN": "CB体系认证", en: "IECEE CB scheme", pt: "Esquema CB da IECEE" }, markets: [] },
  { code: "SAA", name: { "zh-CN": "澳大利亚SAA认证", en: "SAA (Australia)", pt: "SAA (Austrália)" }, markets: ["AU"] },
  { code: "GS", name: { "zh-CN": "德国GS认证", en: "GS mark (Germany)", pt: "Marca GS (Alemanha)" }, markets: ["DE"] },
  { code: "FCC", name: { "zh-CN": "美国FCC认证", en: "FCC (USA)", pt: "FCC (EUA)" }, markets: ["US"] },
  { code: "INMETRO", name: { "zh-CN": "巴西INMETRO认证", en: "INMETRO (Brazil)", pt: "INMETRO (Brasil)" }, markets: ["BR"] },
  { code: "SASO", name: { "zh-CN": "沙特SASO认证", en: "SASO (Saudi Arabia)", pt: "SASO (Arábia Saudita)" }, markets: ["SA"] },
  { code: "ISO9001", name: { "zh-CN": "ISO 9001质量管理体系", en: "ISO 9001 quality management", pt: "ISO 9001 gestão da qualidade" }, markets: [], validityMonths: 36 },
  { code: "ISO14001", name: { "zh-CN": "ISO 14001环境管理体系", en: "ISO 14001 environmental management", pt: "ISO 14001 gestão ambiental" }, markets: [], validityMonths: 36 },
  { code: "BSCI", name: { "zh-CN": "BSCI社会责任审核", en: "amfori BSCI social audit", pt: "Auditoria social amfori BSCI" }, markets: [] },
  { code: "OEKO-TEX", name: { "zh-CN": "OEKO-TEX生态纺织品认证", en: "OEKO-TEX Standard 100", pt: "OEKO-TEX Standard 100" }, markets: [] },
  { code: "FSC", name: { "zh-CN": "FSC森林认证", en: "FSC chain of custody", pt: "Cadeia de custódia FSC" }, markets: [] },
  { code: "BIFMA", name: { "zh-CN": "BIFMA办公家具标准", en: "BIFMA (office furniture)", pt: "BIFMA (móveis de escritório)" }, markets: ["US"] },
];

export interface FairSeed {
  slug: string;
  shortName: string;
  name: Text3;
  city: Text3;
  venue: Text3;
  startsOn: string;
  endsOn: string;
  website?: string;
  series: string;
  timeZone?: string;
  online?: boolean;
  phases?: { number: number; startsOn: string; endsOn: string; categories: Text3[] }[];
}

export interface FairSeriesSeed {
  slug: string;
  shortName: string;
  name: Text3;
  organiser: Text3;
  website?: string;
  timeZone: string;
  markets: string[];
}

/** The Portuguese-speaking countries, with Macao as the bridge. */
const lusophone = ["AO", "BR", "CV", "GW", "GQ", "MZ", "PT", "ST", "TL"];

// prettier-ignore
export const fairSeries: FairSeriesSeed[] = [
  { slug: "mif", shortName: "MIF", name: { "zh-CN": "澳门国际贸易投资展览会", en: "Macao International Trade and Investment Fair", pt: "Feira Internacional de Macau" }, organiser: { "zh-CN": "澳门贸易投资促进局", en: "Macao Trade and Investment Promotion Institute (IPIM)", pt: "Instituto de Promoção do Comércio e do Investimento de Macau (IPIM)" }, website: "https://www.mif.com.mo", timeZone: "Asia/Macau", markets: lusophone },
  { slug: "plpex", shortName: "PLPEX", name: { "zh-CN": "葡语国家产品及服务展（澳门）", en: "Portuguese-speaking Countries Products and Services Exhibition (Macao)", pt: "Exposição de Produtos e Serviços dos Países de Língua Portuguesa (Macau)" }, organiser: { "zh-CN": "澳门贸易投资促进局", en: "Macao Trade and Investment Promotion Institute (IPIM)", pt: "Instituto de Promoção do Comércio e do Investimento de Macau (IPIM)" }, timeZone: "Asia/Macau", markets: lusophone },
  { slug: "mfe", shortName: "MFE", name: { "zh-CN": "澳门国际品牌连锁加盟展", en: "Macao Franchise Expo", pt: "Exposição de Franquias de Macau" }, organiser: { "zh-CN": "澳门贸易投资促进局", en: "Macao Trade and Investment Promotion Institute (IPIM)", pt: "Instituto de Promoção do Comércio e do Investimento de Macau (IPIM)" }, timeZone: "Asia/Macau", markets: lusophone },
  { slug: "canton-fair", shortName: "Canton Fair", name: { "zh-CN": "中国进出口商品交易会（广交会）", en: "China Import and Export Fair (Canton Fair)", pt: "Feira de Importação e Exportação da China (Feira de Cantão)" }, organiser: { "zh-CN": "中国对外贸易中心", en: "China Foreign Trade Centre", pt: "Centro de Comércio Exterior da China" }, website: "https://www.cantonfair.org.cn", timeZone: "Asia/Shanghai", markets: [] },
];

// The Canton Fair's three phases: appliances and machinery; home goods and furniture; textiles and daily life.
const cantonCategories: Text3[][] = [
  [{ "zh-CN": "家用电器", en: "Home appliances", pt: "Eletrodomésticos" }, { "zh-CN": "照明产品", en: "Lighting", pt: "Iluminação" }, { "zh-CN": "五金工具", en: "Hardware and tools", pt: "Ferragens e ferramentas" }],
  [{ "zh-CN": "家具", en: "Furniture", pt: "Móveis" }, { "zh-CN": "家居用品", en: "Home goods", pt: "Artigos para o lar" }],
  [{ "zh-CN": "纺织服装", en: "Textiles and garments", pt: "Têxteis e vestuário" }, { "zh-CN": "日用消费品", en: "Daily consumer goods", pt: "Bens de consumo" }],
];
function cantonPhases(dates: [string, string][]) {
  return dates.map(([startsOn, endsOn], index) => ({ number: index + 1, startsOn, endsOn, categories: cantonCategories[index] }));
}

const macao = { "zh-CN": "澳门", en: "Macao", pt: "Macau" };
const venetian = { "zh-CN": "威尼斯人金光会展中心", en: "Cotai Expo, The Venetian Macao", pt: "Cotai Expo, The Venetian Macao" };
const cantonVenue = { "zh-CN": "广州琶洲中国进出口商品交易会展馆", en: "China Import and Export Fair Complex, Pazhou, Guangzhou", pt: "Complexo da Feira de Cantão, Pazhou, Cantão" };
const guangzhou = { "zh-CN": "广州", en: "Guangzhou", pt: "Cantão" };

/**
 * MIF, PLPEX and MFE run together in Macao each October; the Canton Fair
 * twice a year. Dates of future editions are the organisers' usual pattern
 * (demo data), to be corrected by the bureau when announced.
 */
// prettier-ignore
export const fairs: FairSeed[] = [
  { slug: "mif-2025", series: "mif", shortName: "MIF 2025", name: { "zh-CN": "第30届澳门国际贸易投资展览会", en: "30th Macao International Trade and Investment Fair", pt: "30.ª Feira Internacional de Macau" }, city: macao, venue: venetian, startsOn: "2025-10-22", endsOn: "2025-10-25", website: "https://www.mif.com.mo" },
  { slug: "canton-fair-138", series: "canton-fair", timeZone: "Asia/Shanghai", online: true, shortName: "Canton Fair 138", name: { "zh-CN": "第138届中国进出口商品交易会（广交会）", en: "138th China Import and Export Fair (Canton Fair)", pt: "138.ª Feira de Importação e Exportação da China (Feira de Cantão)" }, city: guangzhou, venue: cantonVenue, startsOn: "2025-10-15", endsOn: "2025-11-04", website: "https://www.cantonfair.org.cn", phases: cantonPhases([["2025-10-15", "2025-10-19"], ["2025-10-23", "2025-10-27"], ["2025-10-31", "2025-11-04"]]) },
  { slug: "mif-2026", series: "mif", shortName: "MIF 2026", name: { "zh-CN": "第31届澳门国际贸易投资展览会", en: "31st Macao International Trade and Investment Fair", pt: "31.ª Feira Internacional de Macau" }, city: macao, venue: venetian, startsOn: "2026-10-22", endsOn: "2026-10-25", website: "https://www.mif.com.mo" },
  { slug: "plpex-2026", series: "plpex", shortName: "PLPEX 2026", name: { "zh-CN": "2026葡语国家产品及服务展（澳门）", en: "Portuguese-speaking Countries Products and Services Exhibition (Macao) 2026", pt: "Exposição de Produtos e Serviços dos Países de Língua Portuguesa (Macau) 2026" }, city: macao, venue: venetian, startsOn: "2026-10-22", endsOn: "2026-10-25" },
  { slug: "mfe-2026", series: "mfe", shortName: "MFE 2026", name: { "zh-CN": "2026澳门国际品牌连锁加盟展", en: "Macao Franchise Expo 2026", pt: "Exposição de Franquias de Macau 2026" }, city: macao, venue: venetian, startsOn: "2026-10-22", endsOn: "2026-10-25" },
  { slug: "canton-fair-140", series: "canton-fair", timeZone: "Asia/Shanghai", online: true, phases: cantonPhases([["2026-10-15", "2026-10-19"], ["2026-10-23", "2026-10-27"], ["2026-10-31", "2026-11-04"]]), shortName: "Canton Fair 140", name: { "zh-CN": "第140届中国进出口商品交易会（广交会）", en: "140th China Import and Export Fair (Canton Fair)", pt: "140.ª Feira de Importação e Exportação da China (Feira de Cantão)" }, city: guangzhou, venue: cantonVenue, startsOn: "2026-10-15", endsOn: "2026-11-04", website: "https://www.cantonfair.org.cn" },
  { slug: "canton-fair-141", series: "canton-fair", timeZone: "Asia/Shanghai", online: true, phases: cantonPhases([["2027-04-15", "2027-04-19"], ["2027-04-23", "2027-04-27"], ["2027-05-01", "2027-05-05"]]), shortName: "Canton Fair 141", name: { "zh-CN": "第141届中国进出口商品交易会（广交会）", en: "141st China Import and Export Fair (Canton Fair)", pt: "141.ª Feira de Importação e Exportação da China (Feira de Cantão)" }, city: guangzhou, venue: cantonVenue, startsOn: "2027-04-15", endsOn: "2027-05-05", website: "https://www.cantonfair.org.cn" },
  { slug: "mif-2027", series: "mif", shortName: "MIF 2027", name: { "zh-CN": "第32届澳门国际贸易投资展览会", en: "32nd Macao International Trade and Investment Fair", pt: "32.ª Feira Internacional de Macau" }, city: macao, venue: venetian, startsOn: "2027-10-21", endsOn: "2027-10-24", website: "https://www.mif.com.mo" },
  { slug: "plpex-2027", series: "plpex", shortName: "PLPEX 2027", name: { "zh-CN": "2027葡语国家产品及服务展（澳门）", en: "Portuguese-speaking Countries Products and Services Exhibition (Macao) 2027", pt: "Exposição de Produtos e Serviços dos Países de Língua Portuguesa (Macau) 2027" }, city: macao, venue: venetian, startsOn: "2027-10-21", endsOn: "2027-10-24" },
  { slug: "mfe-2027", series: "mfe", shortName: "MFE 2027", name: { "zh-CN": "2027澳门国际品牌连锁加盟展", en: "Macao Franchise Expo 2027", pt: "Exposição de Franquias de Macau 2027" }, city: macao, venue: venetian, startsOn: "2027-10-21", endsOn: "2027-10-24" },
];

/** The towns with a cluster of their own: the demo data's firms come from these. */
export const clusterTowns = towns.filter((town): town is TownSeed & { cluster: NonNullable<TownSeed["cluster"]> } => !!town.cluster);
