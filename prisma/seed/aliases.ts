/**
 * The other names people use for the reference data (issue 14), installed
 * with it at every start. Names, slugs and codes are found already (and
 * spelling variants: case, spaces, hyphens, tone marks, full-width letters,
 * see app/modules/reference/names.ts); these are the other words: the source
 * document's own 五金, 照明, "3C". Pinyin with tone marks is listed so the
 * bureau sees it in the list. An alias names one thing: a word two clusters
 * could mean (家具: office or redwood furniture) is not an alias.
 */
import type { AliasSeed } from "~/modules/reference/aliases.server";

// prettier-ignore
export const aliasSeeds: AliasSeed[] = [
  { kind: "town", target: "guzhen", aliases: ["Gǔzhèn", "古鎮"] },
  { kind: "town", target: "xiaolan", aliases: ["Xiǎolǎn", "小欖"] },
  { kind: "town", target: "nantou", aliases: ["Nántóu", "南頭"] },
  { kind: "town", target: "dongsheng", aliases: ["Dōngshēng", "東昇", "东昇"] },
  { kind: "town", target: "shaxi", aliases: ["Shāxī"] },
  { kind: "town", target: "dachong", aliases: ["Dàchōng"] },
  { kind: "cluster", target: "lighting", aliases: ["照明", "灯具", "燈飾", "灯饰照明", "lamps", "lighting fixtures", "luminárias"] },
  { kind: "cluster", target: "hardware", aliases: ["五金", "锁具", "五金锁", "hardware", "locks", "ferragens"] },
  { kind: "cluster", target: "appliances", aliases: ["家用电器", "小家电", "电器", "appliances", "eletrodomésticos"] },
  { kind: "cluster", target: "office-furniture", aliases: ["办公椅", "office chairs", "móveis de escritório"] },
  { kind: "cluster", target: "casual-wear", aliases: ["服装", "休闲服", "garments", "clothing", "vestuário"] },
  { kind: "cluster", target: "redwood-furniture", aliases: ["红木", "紅木", "redwood", "rosewood", "móveis de jacarandá"] },
  { kind: "certification", target: "CCC", aliases: ["3C", "China Compulsory Certification", "中国强制性认证"] },
  { kind: "certification", target: "ISO9001", aliases: ["ISO 9001:2015", "GB/T 19001"] },
  { kind: "certification", target: "ISO14001", aliases: ["ISO 14001:2015", "GB/T 24001"] },
  { kind: "certification", target: "OEKO-TEX", aliases: ["OEKO-TEX Standard 100", "Oeko Tex 100"] },
  { kind: "certification", target: "BSCI", aliases: ["amfori BSCI"] },
];
