/**
 * Controlled vocabularies for products: product types (each with its HS
 * code) and structured attributes, named in every language. A product
 * described only in Chinese still reads as a title and a spec sheet in
 * English and Portuguese, because these parts are data, not free text.
 */
export type VocabularyLocale = "zh-CN" | "en" | "pt";
export type Names = Record<VocabularyLocale, string>;

export type ClusterKey = "lighting" | "hardware" | "appliances" | "office-furniture" | "casual-wear" | "redwood-furniture";

export interface ProductType {
  key: string;
  cluster: ClusterKey;
  /** HS 2022 subheading, six digits. */
  hs: string;
  names: Names;
}

// prettier-ignore
export const productTypes: ProductType[] = [
  // 古镇 Guzhen — lighting
  { key: "ceiling-light", cluster: "lighting", hs: "940511", names: { "zh-CN": "LED吸顶灯", en: "LED ceiling light", pt: "luminária de teto LED" } },
  { key: "chandelier", cluster: "lighting", hs: "940511", names: { "zh-CN": "水晶吊灯", en: "crystal chandelier", pt: "lustre de cristal" } },
  { key: "pendant-light", cluster: "lighting", hs: "940511", names: { "zh-CN": "吊灯", en: "pendant light", pt: "luminária pendente" } },
  { key: "downlight", cluster: "lighting", hs: "940511", names: { "zh-CN": "LED筒灯", en: "LED downlight", pt: "spot embutido LED" } },
  { key: "wall-lamp", cluster: "lighting", hs: "940511", names: { "zh-CN": "壁灯", en: "wall lamp", pt: "arandela de parede" } },
  { key: "desk-lamp", cluster: "lighting", hs: "940521", names: { "zh-CN": "LED台灯", en: "LED desk lamp", pt: "candeeiro de mesa LED" } },
  { key: "floor-lamp", cluster: "lighting", hs: "940521", names: { "zh-CN": "落地灯", en: "floor lamp", pt: "candeeiro de pé" } },
  { key: "floodlight", cluster: "lighting", hs: "940542", names: { "zh-CN": "LED投光灯", en: "LED floodlight", pt: "refletor LED" } },
  { key: "strip-light", cluster: "lighting", hs: "940542", names: { "zh-CN": "LED灯带", en: "LED strip light", pt: "fita LED" } },
  { key: "solar-garden-light", cluster: "lighting", hs: "940541", names: { "zh-CN": "太阳能庭院灯", en: "solar garden light", pt: "luminária solar de jardim" } },
  { key: "string-lights", cluster: "lighting", hs: "940531", names: { "zh-CN": "LED圣诞灯串", en: "LED Christmas string lights", pt: "pisca-pisca de Natal LED" } },
  { key: "led-bulb", cluster: "lighting", hs: "853952", names: { "zh-CN": "LED灯泡", en: "LED bulb", pt: "lâmpada LED" } },
  // 小榄 Xiaolan — hardware and locks
  { key: "smart-lock", cluster: "hardware", hs: "830140", names: { "zh-CN": "智能指纹门锁", en: "smart fingerprint door lock", pt: "fechadura inteligente com impressão digital" } },
  { key: "mortise-lock", cluster: "hardware", hs: "830140", names: { "zh-CN": "插芯门锁", en: "mortise door lock", pt: "fechadura de embutir" } },
  { key: "padlock", cluster: "hardware", hs: "830110", names: { "zh-CN": "挂锁", en: "padlock", pt: "cadeado" } },
  { key: "furniture-lock", cluster: "hardware", hs: "830130", names: { "zh-CN": "家具锁", en: "furniture lock", pt: "fechadura para móveis" } },
  { key: "door-handle", cluster: "hardware", hs: "830241", names: { "zh-CN": "门把手", en: "door handle", pt: "puxador de porta" } },
  { key: "hinge", cluster: "hardware", hs: "830210", names: { "zh-CN": "合页", en: "door hinge", pt: "dobradiça" } },
  { key: "drawer-slide", cluster: "hardware", hs: "830242", names: { "zh-CN": "抽屉滑轨", en: "drawer slide", pt: "corrediça de gaveta" } },
  { key: "screw", cluster: "hardware", hs: "731815", names: { "zh-CN": "不锈钢螺丝", en: "stainless steel screw", pt: "parafuso de aço inoxidável" } },
  { key: "faucet", cluster: "hardware", hs: "848180", names: { "zh-CN": "水龙头", en: "faucet", pt: "torneira" } },
  { key: "shower-head", cluster: "hardware", hs: "848180", names: { "zh-CN": "淋浴花洒", en: "shower head", pt: "chuveiro" } },
  // 南头 Nantou — home appliances
  { key: "rice-cooker", cluster: "appliances", hs: "851660", names: { "zh-CN": "电饭煲", en: "rice cooker", pt: "panela elétrica de arroz" } },
  { key: "air-fryer", cluster: "appliances", hs: "851679", names: { "zh-CN": "空气炸锅", en: "air fryer", pt: "fritadeira sem óleo" } },
  { key: "electric-kettle", cluster: "appliances", hs: "851679", names: { "zh-CN": "电热水壶", en: "electric kettle", pt: "chaleira elétrica" } },
  { key: "electric-fan", cluster: "appliances", hs: "841451", names: { "zh-CN": "电风扇", en: "electric fan", pt: "ventilador elétrico" } },
  { key: "range-hood", cluster: "appliances", hs: "841460", names: { "zh-CN": "吸油烟机", en: "range hood", pt: "exaustor de cozinha" } },
  { key: "gas-hob", cluster: "appliances", hs: "732111", names: { "zh-CN": "燃气灶", en: "gas hob", pt: "fogão a gás de mesa" } },
  { key: "water-heater", cluster: "appliances", hs: "851610", names: { "zh-CN": "电热水器", en: "electric water heater", pt: "aquecedor de água elétrico" } },
  { key: "hair-dryer", cluster: "appliances", hs: "851631", names: { "zh-CN": "电吹风", en: "hair dryer", pt: "secador de cabelo" } },
  { key: "blender", cluster: "appliances", hs: "850940", names: { "zh-CN": "破壁料理机", en: "blender", pt: "liquidificador" } },
  { key: "microwave-oven", cluster: "appliances", hs: "851650", names: { "zh-CN": "微波炉", en: "microwave oven", pt: "forno micro-ondas" } },
  { key: "refrigerator", cluster: "appliances", hs: "841821", names: { "zh-CN": "冰箱", en: "refrigerator", pt: "frigorífico" } },
  // 东升 Dongsheng — office furniture
  { key: "office-chair", cluster: "office-furniture", hs: "940139", names: { "zh-CN": "人体工学办公椅", en: "ergonomic office chair", pt: "cadeira de escritório ergonómica" } },
  { key: "office-desk", cluster: "office-furniture", hs: "940330", names: { "zh-CN": "办公桌", en: "office desk", pt: "secretária de escritório" } },
  { key: "standing-desk", cluster: "office-furniture", hs: "940310", names: { "zh-CN": "电动升降桌", en: "electric standing desk", pt: "mesa elevatória elétrica" } },
  { key: "filing-cabinet", cluster: "office-furniture", hs: "940310", names: { "zh-CN": "钢制文件柜", en: "steel filing cabinet", pt: "arquivo de aço" } },
  { key: "conference-table", cluster: "office-furniture", hs: "940330", names: { "zh-CN": "会议桌", en: "conference table", pt: "mesa de reunião" } },
  { key: "workstation", cluster: "office-furniture", hs: "940330", names: { "zh-CN": "屏风工位", en: "office workstation", pt: "estação de trabalho" } },
  { key: "office-sofa", cluster: "office-furniture", hs: "940171", names: { "zh-CN": "办公沙发", en: "office sofa", pt: "sofá de escritório" } },
  { key: "steel-locker", cluster: "office-furniture", hs: "940310", names: { "zh-CN": "更衣柜", en: "steel locker", pt: "cacifo metálico" } },
  // 沙溪 Shaxi — casual wear
  { key: "t-shirt", cluster: "casual-wear", hs: "610910", names: { "zh-CN": "纯棉T恤", en: "cotton T-shirt", pt: "camiseta de algodão" } },
  { key: "polo-shirt", cluster: "casual-wear", hs: "610510", names: { "zh-CN": "POLO衫", en: "polo shirt", pt: "camisa polo" } },
  { key: "hoodie", cluster: "casual-wear", hs: "611020", names: { "zh-CN": "连帽卫衣", en: "hoodie", pt: "moletom com capuz" } },
  { key: "jeans", cluster: "casual-wear", hs: "620342", names: { "zh-CN": "男士牛仔裤", en: "men's jeans", pt: "calças de ganga masculinas" } },
  { key: "casual-shirt", cluster: "casual-wear", hs: "620520", names: { "zh-CN": "休闲衬衫", en: "casual shirt", pt: "camisa casual" } },
  { key: "jacket", cluster: "casual-wear", hs: "620140", names: { "zh-CN": "休闲夹克", en: "casual jacket", pt: "jaqueta casual" } },
  { key: "sweatpants", cluster: "casual-wear", hs: "610342", names: { "zh-CN": "运动休闲裤", en: "jogger pants", pt: "calças de moletom" } },
  { key: "dress", cluster: "casual-wear", hs: "620442", names: { "zh-CN": "棉质连衣裙", en: "cotton dress", pt: "vestido de algodão" } },
  // 大涌 Dachong — redwood (hongmu) furniture
  { key: "rosewood-sofa", cluster: "redwood-furniture", hs: "940161", names: { "zh-CN": "红木沙发", en: "rosewood sofa", pt: "sofá de jacarandá" } },
  { key: "rosewood-dining-table", cluster: "redwood-furniture", hs: "940360", names: { "zh-CN": "红木餐桌", en: "rosewood dining table", pt: "mesa de jantar de jacarandá" } },
  { key: "rosewood-tea-table", cluster: "redwood-furniture", hs: "940360", names: { "zh-CN": "红木茶台", en: "rosewood tea table", pt: "mesa de chá de jacarandá" } },
  { key: "rosewood-bed", cluster: "redwood-furniture", hs: "940350", names: { "zh-CN": "红木大床", en: "rosewood bed", pt: "cama de jacarandá" } },
  { key: "rosewood-bookcase", cluster: "redwood-furniture", hs: "940360", names: { "zh-CN": "红木书柜", en: "rosewood bookcase", pt: "estante de jacarandá" } },
  { key: "rosewood-armchair", cluster: "redwood-furniture", hs: "940169", names: { "zh-CN": "红木圈椅", en: "rosewood armchair", pt: "cadeira de braços de jacarandá" } },
  { key: "rosewood-screen", cluster: "redwood-furniture", hs: "940360", names: { "zh-CN": "红木屏风", en: "rosewood folding screen", pt: "biombo de jacarandá" } },
  { key: "rosewood-carving", cluster: "redwood-furniture", hs: "442199", names: { "zh-CN": "红木雕刻摆件", en: "rosewood carving", pt: "escultura de jacarandá" } },
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
      mesh: { "zh-CN": "网布", en: "mesh", pt: "tela" },
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
      grey: { "zh-CN": "灰色", en: "grey", pt: "cinzento" },
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
      denim: { "zh-CN": "牛仔布", en: "denim", pt: "ganga" },
      linen: { "zh-CN": "亚麻", en: "linen", pt: "linho" },
      polyester: { "zh-CN": "涤纶", en: "polyester", pt: "poliéster" },
      fleece: { "zh-CN": "抓绒", en: "fleece", pt: "velo" },
    },
  },
  voltage: {
    kind: "enum",
    names: { "zh-CN": "电压", en: "Voltage", pt: "Tensão" },
    values: {
      "220-240": { "zh-CN": "220–240 V", en: "220–240 V", pt: "220–240 V" },
      "110-127": { "zh-CN": "110–127 V", en: "110–127 V", pt: "110–127 V" },
      "100-240": { "zh-CN": "100–240 V 宽电压", en: "100–240 V universal", pt: "100–240 V bivolt" },
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
      "s-xxl": { "zh-CN": "S–XXL", en: "S–XXL", pt: "P–GG" },
      "m-4xl": { "zh-CN": "M–4XL", en: "M–4XL", pt: "M–XGG" },
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

function vocabularyLocale(locale: string): VocabularyLocale {
  if (locale.startsWith("zh")) return "zh-CN";
  return locale === "pt" ? "pt" : "en";
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
  const lang = vocabularyLocale(locale);
  if (definition.kind === "number") {
    const number = typeof value === "number" ? value : Number(value);
    return Number.isFinite(number) ? formatNumber(number, definition.unit, locale) : null;
  }
  return typeof value === "string" ? (definition.values[value]?.[lang] ?? null) : null;
}

/** The spec sheet: attribute name and value, in the reader's language. */
export function specSheet(attributes: unknown, locale: string): { key: string; label: string; value: string }[] {
  if (!attributes || typeof attributes !== "object") return [];
  const lang = vocabularyLocale(locale);
  const rows: { key: string; label: string; value: string }[] = [];
  for (const key of attributeKeys) {
    const value = attributeValueLabel(key, (attributes as Record<string, unknown>)[key], locale);
    if (value) rows.push({ key, label: attributeDefinitions[key].names[lang], value });
  }
  return rows;
}

/**
 * A product title built from structured data alone, e.g.
 * "24 W aluminium LED ceiling light" / "luminária de teto LED 24 W alumínio" /
 * "24W 铝合金 LED吸顶灯". Null when the product has no known type.
 */
export function structuredTitle(attributes: unknown, locale: string): string | null {
  if (!attributes || typeof attributes !== "object") return null;
  const record = attributes as Record<string, unknown>;
  const type = typeof record.type === "string" ? productTypesByKey.get(record.type) : undefined;
  if (!type) return null;
  const lang = vocabularyLocale(locale);
  const qualifiers = (["powerW", "material", "fabric"] as const)
    .map((key) => attributeValueLabel(key, record[key], locale))
    .filter((value): value is string => Boolean(value));
  const noun = type.names[lang];
  if (lang === "pt") return [capitalise(noun), ...qualifiers].join(" ");
  if (lang === "zh-CN") return [...qualifiers.map((q) => q.replace(/\s+/g, "")), noun].join(" ");
  return capitalise([...qualifiers, noun].join(" "));
}

function capitalise(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
