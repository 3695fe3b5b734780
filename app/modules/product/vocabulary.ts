/**
 * Controlled vocabularies for products: product types (each with its HS
 * code) and structured attributes, named in every language. A product
 * described only in Chinese still reads as a title and a spec sheet in
 * English and Portuguese, because these parts are data, not free text.
 */
export type VocabularyLocale = "zh-CN" | "en" | "pt-BR" | "pt-PT";
/**
 * A term in every language. Portuguese is one word both variants use (`pt`),
 * or a Brazilian and a European one ("geladeira" / "frigorífico").
 */
export type Names = { "zh-CN": string; en: string } & ({ pt: string; "pt-BR"?: never; "pt-PT"?: never } | { pt?: never; "pt-BR": string; "pt-PT": string });

export type ClusterKey = "lighting" | "hardware" | "appliances" | "office-furniture" | "casual-wear" | "redwood-furniture";

export interface ProductType {
  key: string;
  cluster: ClusterKey;
  /** HS 2022 subheading, six digits. */
  hs: string;
  names: Names;
  /** The material (or fabric) the name says ("steel filing cabinet"), and the noun without it. */
  material?: string;
  plain?: Names;
}

// prettier-ignore
export const productTypes: ProductType[] = [
  // 古镇 Guzhen — lighting
  { key: "ceiling-light", cluster: "lighting", hs: "940511", names: { "zh-CN": "LED吸顶灯", en: "LED ceiling light", "pt-BR": "luminária de teto LED", "pt-PT": "candeeiro de teto LED" } },
  { key: "chandelier", cluster: "lighting", hs: "940511", names: { "zh-CN": "水晶吊灯", en: "crystal chandelier", pt: "lustre de cristal" }, material: "crystal", plain: { "zh-CN": "吊灯", en: "chandelier", pt: "lustre" } },
  { key: "pendant-light", cluster: "lighting", hs: "940511", names: { "zh-CN": "吊灯", en: "pendant light", "pt-BR": "luminária pendente", "pt-PT": "candeeiro suspenso" } },
  { key: "downlight", cluster: "lighting", hs: "940511", names: { "zh-CN": "LED筒灯", en: "LED downlight", "pt-BR": "spot embutido LED", "pt-PT": "foco embutido LED" } },
  { key: "wall-lamp", cluster: "lighting", hs: "940511", names: { "zh-CN": "壁灯", en: "wall lamp", "pt-BR": "arandela de parede", "pt-PT": "aplique de parede" } },
  { key: "desk-lamp", cluster: "lighting", hs: "940521", names: { "zh-CN": "LED台灯", en: "LED desk lamp", "pt-BR": "luminária de mesa LED", "pt-PT": "candeeiro de secretária LED" } },
  { key: "floor-lamp", cluster: "lighting", hs: "940521", names: { "zh-CN": "落地灯", en: "floor lamp", "pt-BR": "luminária de chão", "pt-PT": "candeeiro de pé" } },
  { key: "floodlight", cluster: "lighting", hs: "940542", names: { "zh-CN": "LED投光灯", en: "LED floodlight", "pt-BR": "refletor LED", "pt-PT": "projetor LED" } },
  { key: "strip-light", cluster: "lighting", hs: "940542", names: { "zh-CN": "LED灯带", en: "LED strip light", pt: "fita LED" } },
  { key: "solar-garden-light", cluster: "lighting", hs: "940541", names: { "zh-CN": "太阳能庭院灯", en: "solar garden light", "pt-BR": "luminária solar de jardim", "pt-PT": "candeeiro solar de jardim" } },
  { key: "string-lights", cluster: "lighting", hs: "940531", names: { "zh-CN": "LED圣诞灯串", en: "LED Christmas string lights", "pt-BR": "pisca-pisca de Natal LED", "pt-PT": "luzes de Natal LED" } },
  { key: "led-bulb", cluster: "lighting", hs: "853952", names: { "zh-CN": "LED灯泡", en: "LED bulb", pt: "lâmpada LED" } },
  // 小榄 Xiaolan — hardware and locks
  { key: "smart-lock", cluster: "hardware", hs: "830140", names: { "zh-CN": "智能指纹门锁", en: "smart fingerprint door lock", pt: "fechadura inteligente com impressão digital" } },
  { key: "mortise-lock", cluster: "hardware", hs: "830140", names: { "zh-CN": "插芯门锁", en: "mortise door lock", pt: "fechadura de embutir" } },
  { key: "padlock", cluster: "hardware", hs: "830110", names: { "zh-CN": "挂锁", en: "padlock", pt: "cadeado" } },
  { key: "furniture-lock", cluster: "hardware", hs: "830130", names: { "zh-CN": "家具锁", en: "furniture lock", pt: "fechadura para móveis" } },
  { key: "door-handle", cluster: "hardware", hs: "830241", names: { "zh-CN": "门把手", en: "door handle", "pt-BR": "maçaneta de porta", "pt-PT": "puxador de porta" } },
  { key: "hinge", cluster: "hardware", hs: "830210", names: { "zh-CN": "合页", en: "door hinge", pt: "dobradiça" } },
  { key: "drawer-slide", cluster: "hardware", hs: "830242", names: { "zh-CN": "抽屉滑轨", en: "drawer slide", "pt-BR": "corrediça de gaveta", "pt-PT": "calha de gaveta" } },
  { key: "screw", cluster: "hardware", hs: "731815", names: { "zh-CN": "不锈钢螺丝", en: "stainless steel screw", pt: "parafuso de aço inoxidável" }, material: "stainless-steel", plain: { "zh-CN": "螺丝", en: "screw", pt: "parafuso" } },
  { key: "faucet", cluster: "hardware", hs: "848180", names: { "zh-CN": "水龙头", en: "faucet", pt: "torneira" } },
  { key: "shower-head", cluster: "hardware", hs: "848180", names: { "zh-CN": "淋浴花洒", en: "shower head", pt: "chuveiro" } },
  // 南头 Nantou — home appliances
  { key: "rice-cooker", cluster: "appliances", hs: "851660", names: { "zh-CN": "电饭煲", en: "rice cooker", pt: "panela elétrica de arroz" } },
  { key: "air-fryer", cluster: "appliances", hs: "851679", names: { "zh-CN": "空气炸锅", en: "air fryer", "pt-BR": "fritadeira sem óleo", "pt-PT": "fritadeira de ar quente" } },
  { key: "electric-kettle", cluster: "appliances", hs: "851679", names: { "zh-CN": "电热水壶", en: "electric kettle", pt: "chaleira elétrica" } },
  { key: "electric-fan", cluster: "appliances", hs: "841451", names: { "zh-CN": "电风扇", en: "electric fan", pt: "ventilador elétrico" } },
  { key: "range-hood", cluster: "appliances", hs: "841460", names: { "zh-CN": "吸油烟机", en: "range hood", "pt-BR": "coifa de cozinha", "pt-PT": "exaustor de cozinha" } },
  { key: "gas-hob", cluster: "appliances", hs: "732111", names: { "zh-CN": "燃气灶", en: "gas hob", "pt-BR": "cooktop a gás", "pt-PT": "placa a gás" } },
  { key: "water-heater", cluster: "appliances", hs: "851610", names: { "zh-CN": "电热水器", en: "electric water heater", "pt-BR": "aquecedor de água elétrico", "pt-PT": "termoacumulador elétrico" } },
  { key: "hair-dryer", cluster: "appliances", hs: "851631", names: { "zh-CN": "电吹风", en: "hair dryer", pt: "secador de cabelo" } },
  { key: "blender", cluster: "appliances", hs: "850940", names: { "zh-CN": "破壁料理机", en: "blender", "pt-BR": "liquidificador", "pt-PT": "liquidificadora" } },
  { key: "microwave-oven", cluster: "appliances", hs: "851650", names: { "zh-CN": "微波炉", en: "microwave oven", pt: "forno micro-ondas" } },
  { key: "refrigerator", cluster: "appliances", hs: "841821", names: { "zh-CN": "冰箱", en: "refrigerator", "pt-BR": "geladeira", "pt-PT": "frigorífico" } },
  // 东升 Dongsheng — office furniture
  { key: "office-chair", cluster: "office-furniture", hs: "940139", names: { "zh-CN": "人体工学办公椅", en: "ergonomic office chair", "pt-BR": "cadeira de escritório ergonômica", "pt-PT": "cadeira de escritório ergonómica" } },
  { key: "office-desk", cluster: "office-furniture", hs: "940330", names: { "zh-CN": "办公桌", en: "office desk", "pt-BR": "mesa de escritório", "pt-PT": "secretária de escritório" } },
  { key: "standing-desk", cluster: "office-furniture", hs: "940310", names: { "zh-CN": "电动升降桌", en: "electric standing desk", pt: "mesa elevatória elétrica" } },
  { key: "filing-cabinet", cluster: "office-furniture", hs: "940310", names: { "zh-CN": "钢制文件柜", en: "steel filing cabinet", "pt-BR": "arquivo de aço", "pt-PT": "arquivador de aço" }, material: "steel", plain: { "zh-CN": "文件柜", en: "filing cabinet", "pt-BR": "arquivo", "pt-PT": "arquivador" } },
  { key: "conference-table", cluster: "office-furniture", hs: "940330", names: { "zh-CN": "会议桌", en: "conference table", pt: "mesa de reunião" } },
  { key: "workstation", cluster: "office-furniture", hs: "940330", names: { "zh-CN": "屏风工位", en: "office workstation", pt: "estação de trabalho" } },
  { key: "office-sofa", cluster: "office-furniture", hs: "940171", names: { "zh-CN": "办公沙发", en: "office sofa", pt: "sofá de escritório" } },
  { key: "steel-locker", cluster: "office-furniture", hs: "940310", names: { "zh-CN": "更衣柜", en: "steel locker", "pt-BR": "roupeiro de aço", "pt-PT": "cacifo metálico" }, material: "steel", plain: { "zh-CN": "更衣柜", en: "locker", "pt-BR": "roupeiro", "pt-PT": "cacifo" } },
  // 沙溪 Shaxi — casual wear
  { key: "t-shirt", cluster: "casual-wear", hs: "610910", names: { "zh-CN": "纯棉T恤", en: "cotton T-shirt", "pt-BR": "camiseta de algodão", "pt-PT": "t-shirt de algodão" }, material: "cotton", plain: { "zh-CN": "T恤", en: "T-shirt", "pt-BR": "camiseta", "pt-PT": "t-shirt" } },
  { key: "polo-shirt", cluster: "casual-wear", hs: "610510", names: { "zh-CN": "POLO衫", en: "polo shirt", pt: "camisa polo" } },
  { key: "hoodie", cluster: "casual-wear", hs: "611020", names: { "zh-CN": "连帽卫衣", en: "hoodie", "pt-BR": "moletom com capuz", "pt-PT": "sweatshirt com capuz" } },
  { key: "jeans", cluster: "casual-wear", hs: "620342", names: { "zh-CN": "男士牛仔裤", en: "men's jeans", "pt-BR": "calça jeans masculina", "pt-PT": "calças de ganga masculinas" }, material: "denim", plain: { "zh-CN": "男士长裤", en: "men's trousers", "pt-BR": "calça masculina", "pt-PT": "calças masculinas" } },
  { key: "casual-shirt", cluster: "casual-wear", hs: "620520", names: { "zh-CN": "休闲衬衫", en: "casual shirt", pt: "camisa casual" } },
  { key: "jacket", cluster: "casual-wear", hs: "620140", names: { "zh-CN": "休闲夹克", en: "casual jacket", "pt-BR": "jaqueta casual", "pt-PT": "blusão casual" } },
  { key: "sweatpants", cluster: "casual-wear", hs: "610342", names: { "zh-CN": "运动休闲裤", en: "jogger pants", "pt-BR": "calça de moletom", "pt-PT": "calças de fato de treino" } },
  { key: "dress", cluster: "casual-wear", hs: "620442", names: { "zh-CN": "棉质连衣裙", en: "cotton dress", pt: "vestido de algodão" }, material: "cotton", plain: { "zh-CN": "连衣裙", en: "dress", pt: "vestido" } },
  // 大涌 Dachong — redwood (hongmu) furniture
  { key: "rosewood-sofa", cluster: "redwood-furniture", hs: "940161", names: { "zh-CN": "红木沙发", en: "rosewood sofa", pt: "sofá de jacarandá" }, material: "rosewood", plain: { "zh-CN": "沙发", en: "sofa", pt: "sofá" } },
  { key: "rosewood-dining-table", cluster: "redwood-furniture", hs: "940360", names: { "zh-CN": "红木餐桌", en: "rosewood dining table", pt: "mesa de jantar de jacarandá" }, material: "rosewood", plain: { "zh-CN": "餐桌", en: "dining table", pt: "mesa de jantar" } },
  { key: "rosewood-tea-table", cluster: "redwood-furniture", hs: "940360", names: { "zh-CN": "红木茶台", en: "rosewood tea table", pt: "mesa de chá de jacarandá" }, material: "rosewood", plain: { "zh-CN": "茶台", en: "tea table", pt: "mesa de chá" } },
  { key: "rosewood-bed", cluster: "redwood-furniture", hs: "940350", names: { "zh-CN": "红木大床", en: "rosewood bed", pt: "cama de jacarandá" }, material: "rosewood", plain: { "zh-CN": "大床", en: "bed", pt: "cama" } },
  { key: "rosewood-bookcase", cluster: "redwood-furniture", hs: "940360", names: { "zh-CN": "红木书柜", en: "rosewood bookcase", pt: "estante de jacarandá" }, material: "rosewood", plain: { "zh-CN": "书柜", en: "bookcase", pt: "estante" } },
  { key: "rosewood-armchair", cluster: "redwood-furniture", hs: "940169", names: { "zh-CN": "红木圈椅", en: "rosewood armchair", pt: "cadeira de braços de jacarandá" }, material: "rosewood", plain: { "zh-CN": "圈椅", en: "armchair", pt: "cadeira de braços" } },
  { key: "rosewood-screen", cluster: "redwood-furniture", hs: "940360", names: { "zh-CN": "红木屏风", en: "rosewood folding screen", pt: "biombo de jacarandá" }, material: "rosewood", plain: { "zh-CN": "屏风", en: "folding screen", pt: "biombo" } },
  { key: "rosewood-carving", cluster: "redwood-furniture", hs: "442199", names: { "zh-CN": "红木雕刻摆件", en: "rosewood carving", pt: "escultura de jacarandá" }, material: "rosewood", plain: { "zh-CN": "雕刻摆件", en: "carving", pt: "escultura" } },
];

export const productTypesByKey = new Map(productTypes.map((type) => [type.key, type]));

interface EnumAttribute {
  kind: "enum";
  names: Names;
  values: Record<string, Names>;
}
interface NumberAttribute {
  kind: "number";
  names: Names;
  unit: string;
  min: number;
  max: number;
}
export type AttributeDefinition = EnumAttribute | NumberAttribute;

// prettier-ignore
export const attributeDefinitions = {
  material: {
    kind: "enum",
    names: { "zh-CN": "材质", en: "Material", pt: "Material" },
    values: {
      aluminium: { "zh-CN": "铝合金", en: "aluminium", pt: "alumínio" },
      iron: { "zh-CN": "铁艺", en: "wrought iron", pt: "ferro forjado" },
      "stainless-steel": { "zh-CN": "不锈钢", en: "stainless steel", pt: "aço inoxidável" },
      steel: { "zh-CN": "钢", en: "steel", pt: "aço" },
      brass: { "zh-CN": "黄铜", en: "brass", pt: "latão" },
      "zinc-alloy": { "zh-CN": "锌合金", en: "zinc alloy", pt: "liga de zinco" },
      glass: { "zh-CN": "玻璃", en: "glass", pt: "vidro" },
      crystal: { "zh-CN": "水晶", en: "crystal", pt: "cristal" },
      acrylic: { "zh-CN": "亚克力", en: "acrylic", pt: "acrílico" },
      plastic: { "zh-CN": "塑料", en: "plastic", pt: "plástico" },
      "solid-wood": { "zh-CN": "实木", en: "solid wood", pt: "madeira maciça" },
      rosewood: { "zh-CN": "红木", en: "rosewood", pt: "jacarandá" },
      mdf: { "zh-CN": "中密度板", en: "MDF", pt: "MDF" },
      mesh: { "zh-CN": "网布", en: "mesh", "pt-BR": "tela", "pt-PT": "malha" },
      leather: { "zh-CN": "真皮", en: "leather", pt: "couro" },
    },
  },
  finish: {
    kind: "enum",
    names: { "zh-CN": "颜色/表面", en: "Finish", pt: "Acabamento" },
    values: {
      black: { "zh-CN": "黑色", en: "black", pt: "preto" },
      white: { "zh-CN": "白色", en: "white", pt: "branco" },
      gold: { "zh-CN": "金色", en: "gold", pt: "dourado" },
      chrome: { "zh-CN": "镀铬", en: "chrome", pt: "cromado" },
      "satin-nickel": { "zh-CN": "拉丝镍", en: "satin nickel", pt: "níquel acetinado" },
      grey: { "zh-CN": "灰色", en: "grey", "pt-BR": "cinza", "pt-PT": "cinzento" },
      blue: { "zh-CN": "蓝色", en: "blue", pt: "azul" },
      natural: { "zh-CN": "原木色", en: "natural wood", pt: "madeira natural" },
      lacquer: { "zh-CN": "大漆", en: "lacquered", pt: "lacado" },
    },
  },
  fabric: {
    kind: "enum",
    names: { "zh-CN": "面料", en: "Fabric", pt: "Tecido" },
    values: {
      cotton: { "zh-CN": "100%棉", en: "100% cotton", pt: "100% algodão" },
      "cotton-polyester": { "zh-CN": "棉涤混纺", en: "cotton-polyester blend", pt: "mistura de algodão e poliéster" },
      denim: { "zh-CN": "牛仔布", en: "denim", "pt-BR": "jeans", "pt-PT": "ganga" },
      linen: { "zh-CN": "亚麻", en: "linen", pt: "linho" },
      polyester: { "zh-CN": "涤纶", en: "polyester", pt: "poliéster" },
      fleece: { "zh-CN": "抓绒", en: "fleece", "pt-BR": "fleece", "pt-PT": "polar" },
    },
  },
  voltage: {
    kind: "enum",
    names: { "zh-CN": "电压", en: "Voltage", pt: "Tensão" },
    values: {
      "220-240": { "zh-CN": "220–240 V", en: "220–240 V", pt: "220–240 V" },
      "110-127": { "zh-CN": "110–127 V", en: "110–127 V", pt: "110–127 V" },
      "100-240": { "zh-CN": "100–240 V 宽电压", en: "100–240 V universal", "pt-BR": "100–240 V bivolt", "pt-PT": "100–240 V universal" },
    },
  },
  ipRating: {
    kind: "enum",
    names: { "zh-CN": "防护等级", en: "Ingress protection", pt: "Grau de proteção" },
    values: {
      IP20: { "zh-CN": "IP20", en: "IP20", pt: "IP20" },
      IP44: { "zh-CN": "IP44", en: "IP44", pt: "IP44" },
      IP65: { "zh-CN": "IP65", en: "IP65", pt: "IP65" },
      IP67: { "zh-CN": "IP67", en: "IP67", pt: "IP67" },
    },
  },
  sizeRange: {
    kind: "enum",
    names: { "zh-CN": "尺码", en: "Sizes", pt: "Tamanhos" },
    values: {
      "s-xxl": { "zh-CN": "S–XXL", en: "S–XXL", "pt-BR": "P–GG", "pt-PT": "S–XXL" },
      "m-4xl": { "zh-CN": "M–4XL", en: "M–4XL", "pt-BR": "M–XGG", "pt-PT": "M–4XL" },
      kids: { "zh-CN": "童装 100–160", en: "kids 100–160", pt: "infantil 100–160" },
    },
  },
  powerW: { kind: "number", names: { "zh-CN": "功率", en: "Power", pt: "Potência" }, unit: "W", min: 0, max: 100000 },
  colourTempK: { kind: "number", names: { "zh-CN": "色温", en: "Colour temperature", pt: "Temperatura de cor" }, unit: "K", min: 1000, max: 10000 },
  capacityL: { kind: "number", names: { "zh-CN": "容量", en: "Capacity", pt: "Capacidade" }, unit: "L", min: 0, max: 2000 },
  lengthCm: { kind: "number", names: { "zh-CN": "长度", en: "Length", pt: "Comprimento" }, unit: "cm", min: 0, max: 100000 },
} satisfies Record<string, AttributeDefinition>;

export type AttributeKey = keyof typeof attributeDefinitions;
export const attributeKeys = Object.keys(attributeDefinitions) as AttributeKey[];

/** Structured product data: `type` plus any attributes, all vocabulary keys or numbers. */
export type ProductAttributes = { type?: string } & Partial<Record<AttributeKey, string | number>>;

/**
 * Which name a locale reads: `pt` (the search index, which speaks every
 * variant) or a region-less Portuguese reads Brazilian (README).
 */
export function vocabularyLocale(locale: string): VocabularyLocale | "pt" {
  if (locale.startsWith("zh")) return "zh-CN";
  if (locale === "pt-PT" || locale === "pt-BR" || locale === "pt") return locale;
  return "en";
}

/** A term in a locale; in `pt`, every Portuguese variant's word (for the search index). */
export function vocabularyName(names: Names, locale: string): string {
  const lang = vocabularyLocale(locale);
  if (lang === "pt") return portugueseNames(names).join(" · ");
  if (lang === "pt-BR" || lang === "pt-PT") return names[lang] ?? names.pt!;
  return names[lang];
}

/** Every Portuguese word of a term, Brazilian first. */
export function portugueseNames(names: Names): string[] {
  return names.pt !== undefined ? [names.pt] : [names["pt-BR"]!, names["pt-PT"]!];
}

/** One formatter per locale: building an Intl.NumberFormat costs more than using it. */
const numberFormats = new Map<string, Intl.NumberFormat>();

function formatNumber(value: number, unit: string, locale: string) {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return `${format.format(value)} ${unit}`;
}

/** One attribute's value in a language, or null when it isn't in the vocabulary. */
export function attributeValueLabel(key: string, value: unknown, locale: string): string | null {
  const definition = (attributeDefinitions as Record<string, AttributeDefinition>)[key];
  if (!definition) return null;
  if (definition.kind === "number") {
    const number = typeof value === "number" ? value : Number(value);
    return Number.isFinite(number) ? formatNumber(number, definition.unit, locale) : null;
  }
  const names = typeof value === "string" && Object.hasOwn(definition.values, value) ? definition.values[value] : undefined;
  return names ? vocabularyName(names, locale) : null;
}

/** The spec sheet: attribute name and value, in the reader's language. */
export function specSheet(attributes: unknown, locale: string): { key: string; label: string; value: string }[] {
  if (!attributes || typeof attributes !== "object") return [];
  const rows: { key: string; label: string; value: string }[] = [];
  for (const key of attributeKeys) {
    const value = attributeValueLabel(key, (attributes as Record<string, unknown>)[key], locale);
    if (value) rows.push({ key, label: vocabularyName(attributeDefinitions[key].names, locale), value });
  }
  return rows;
}
