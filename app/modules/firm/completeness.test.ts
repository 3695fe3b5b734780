import { describe, expect, it } from "vitest";
import { firmCompleteness, type FirmForCompleteness } from "./completeness";

const empty: FirmForCompleteness = {
  name: { "zh-CN": { text: "中山市古镇星辉照明有限公司", origin: "author" } },
  description: {},
  address: null,
  townId: null,
  clusterId: null,
  foundedYear: null,
  employeesBand: null,
  businessTypes: [],
  certifications: [],
  exportMarkets: [],
  languages: [],
  salesChannels: [],
  contacts: [],
  website: null,
  email: null,
  phone: null,
  logoKey: null,
};

describe("profile completeness per language", () => {
  it("tells a new firm everything it can add, language by language", () => {
    const [zh, en, pt] = firmCompleteness(empty);
    expect(zh.locale).toBe("zh-CN");
    expect(zh.missing).toEqual(["description", "address", "town", "cluster", "foundedYear", "employeesBand", "businessTypes", "certifications", "exportMarkets", "languages", "salesChannels", "contacts", "contactChannel", "logo"]);
    expect(zh.percent).toBe(6); // 1 of 15
    expect(en.missing[0]).toBe("name");
    expect(en.percent).toBe(0);
    expect(pt.percent).toBe(0);
  });

  it("counts structured facts for every language and text only where it is written", () => {
    const full: FirmForCompleteness = {
      ...empty,
      name: { "zh-CN": { text: "星辉", origin: "author" }, en: { text: "Xinghui", origin: "author" }, pt: { text: "Xinghui", origin: "machine" } },
      description: { "zh-CN": { text: "灯饰", origin: "author" }, en: { text: "Lighting", origin: "author" } },
      address: { "zh-CN": { text: "古镇", origin: "author" }, en: { text: "Guzhen", origin: "author" } },
      townId: "t",
      clusterId: "c",
      foundedYear: 2001,
      employeesBand: "50-99",
      businessTypes: ["manufacturer"],
      certifications: [{ code: "CE" }],
      exportMarkets: ["BR"],
      languages: ["zh", "en"],
      salesChannels: ["trade-fairs"],
      contacts: [{ name: "陈伟" }],
      phone: "+86 760 1234 5678",
      logoKey: "firms/x/logo.webp",
    };
    const [zh, en, pt] = firmCompleteness(full);
    expect(zh).toEqual({ locale: "zh-CN", percent: 100, missing: [] });
    expect(en.percent).toBe(100);
    expect(pt.missing).toEqual(["description", "address"]);
    expect(pt.percent).toBe(86);
  });
});
