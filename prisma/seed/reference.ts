/**
 * Reference data the bureau edits later in the app: the specialty towns and
 * industry clusters of the source document ("一镇一品"), certifications, and
 * the trade fairs. Upserted by slug/code, so running it twice changes nothing.
 */
import type { ClusterKey } from "~/modules/product/vocabulary";

type Text3 = { "zh-CN": string; en: string; pt: string };

export interface TownSeed {
  slug: string;
  name: Text3;
  cluster: { slug: ClusterKey; name: Text3; hsHeadings: string[] };
}

// prettier-ignore
export const towns: TownSeed[] = [
  { slug: "guzhen", name: { "zh-CN": "古镇", en: "Guzhen", pt: "Guzhen" },
    cluster: { slug: "lighting", name: { "zh-CN": "灯饰", en: "Lighting", pt: "Iluminação" }, hsHeadings: ["9405", "8539"] } },
  { slug: "xiaolan", name: { "zh-CN": "小榄", en: "Xiaolan", pt: "Xiaolan" },
    cluster: { slug: "hardware", name: { "zh-CN": "五金锁具", en: "Hardware and locks", pt: "Ferragens e fechaduras" }, hsHeadings: ["8301", "8302", "7318", "8481"] } },
  { slug: "nantou", name: { "zh-CN": "南头", en: "Nantou", pt: "Nantou" },
    cluster: { slug: "appliances", name: { "zh-CN": "家电", en: "Home appliances", pt: "Eletrodomésticos" }, hsHeadings: ["8516", "8509", "8414", "8418", "7321"] } },
  { slug: "dongsheng", name: { "zh-CN": "东升", en: "Dongsheng", pt: "Dongsheng" },
    cluster: { slug: "office-furniture", name: { "zh-CN": "办公家具", en: "Office furniture", pt: "Móveis de escritório" }, hsHeadings: ["9401", "9403"] } },
  { slug: "shaxi", name: { "zh-CN": "沙溪", en: "Shaxi", pt: "Shaxi" },
    cluster: { slug: "casual-wear", name: { "zh-CN": "休闲服装", en: "Casual wear", pt: "Roupa casual" }, hsHeadings: ["6105", "6109", "6110", "6103", "6201", "6203", "6204", "6205"] } },
  { slug: "dachong", name: { "zh-CN": "大涌", en: "Dachong", pt: "Dachong" },
    cluster: { slug: "redwood-furniture", name: { "zh-CN": "红木家具", en: "Rosewood furniture", pt: "Móveis de jacarandá" }, hsHeadings: ["9401", "9403", "4421"] } },
];

// prettier-ignore
export const certifications: { code: string; name: Text3 }[] = [
  { code: "CE", name: { "zh-CN": "欧盟CE认证", en: "CE marking (EU)", pt: "Marcação CE (UE)" } },
  { code: "UL", name: { "zh-CN": "美国UL认证", en: "UL listed (USA)", pt: "Certificação UL (EUA)" } },
  { code: "ETL", name: { "zh-CN": "ETL认证", en: "ETL listed", pt: "Certificação ETL" } },
  { code: "RoHS", name: { "zh-CN": "RoHS有害物质限制", en: "RoHS compliant", pt: "Conformidade RoHS" } },
  { code: "CCC", name: { "zh-CN": "中国强制性产品认证（3C）", en: "China Compulsory Certificate (CCC)", pt: "Certificado Compulsório da China (CCC)" } },
  { code: "CB", name: { "zh-CN": "CB体系认证", en: "IECEE CB scheme", pt: "Esquema CB da IECEE" } },
  { code: "SAA", name: { "zh-CN": "澳大利亚SAA认证", en: "SAA (Australia)", pt: "SAA (Austrália)" } },
  { code: "GS", name: { "zh-CN": "德国GS认证", en: "GS mark (Germany)", pt: "Marca GS (Alemanha)" } },
  { code: "FCC", name: { "zh-CN": "美国FCC认证", en: "FCC (USA)", pt: "FCC (EUA)" } },
  { code: "INMETRO", name: { "zh-CN": "巴西INMETRO认证", en: "INMETRO (Brazil)", pt: "INMETRO (Brasil)" } },
  { code: "SASO", name: { "zh-CN": "沙特SASO认证", en: "SASO (Saudi Arabia)", pt: "SASO (Arábia Saudita)" } },
  { code: "ISO9001", name: { "zh-CN": "ISO 9001质量管理体系", en: "ISO 9001 quality management", pt: "ISO 9001 gestão da qualidade" } },
  { code: "ISO14001", name: { "zh-CN": "ISO 14001环境管理体系", en: "ISO 14001 environmental management", pt: "ISO 14001 gestão ambiental" } },
  { code: "BSCI", name: { "zh-CN": "BSCI社会责任审核", en: "amfori BSCI social audit", pt: "Auditoria social amfori BSCI" } },
  { code: "OEKO-TEX", name: { "zh-CN": "OEKO-TEX生态纺织品认证", en: "OEKO-TEX Standard 100", pt: "OEKO-TEX Standard 100" } },
  { code: "FSC", name: { "zh-CN": "FSC森林认证", en: "FSC chain of custody", pt: "Cadeia de custódia FSC" } },
  { code: "BIFMA", name: { "zh-CN": "BIFMA办公家具标准", en: "BIFMA (office furniture)", pt: "BIFMA (móveis de escritório)" } },
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
