import { describe, expect, it } from "vitest";
import {
  parseEmployees,
  parseExternalId,
  parseImportHsCode,
  parseInteger,
  parseList,
  parsePhone,
  parseUsd,
  parseWebsite,
  splitList,
} from "./fields";

describe("import cell parsers", () => {
  it("reads HS codes with or without dots, and the zeros a number cell lost", () => {
    expect(parseImportHsCode("9405.11")).toEqual({ ok: true, value: "940511" });
    expect(parseImportHsCode("940511")).toEqual({ ok: true, value: "940511" });
    expect(parseImportHsCode("9405")).toEqual({ ok: true, value: "9405" });
    // National codes keep their full value: NCM (8 digits), Chinese tariff (10).
    expect(parseImportHsCode("9405.11.00")).toEqual({ ok: true, value: "94051100" });
    expect(parseImportHsCode("8516600000")).toEqual({ ok: true, value: "8516600000" });
    expect(parseImportHsCode("8516.60.00.00")).toEqual({ ok: true, value: "8516600000" });
    // Excel stores 9405.10 as the number 9405.1 and 0101.21 as 101.21.
    expect(parseImportHsCode("9405.1")).toEqual({ ok: true, value: "940510" });
    expect(parseImportHsCode("101.21")).toEqual({ ok: true, value: "010121" });
    expect(parseImportHsCode("10121")).toEqual({ ok: true, value: "010121" });
    expect(parseImportHsCode("94")).toMatchObject({ ok: false, code: "hsTooGeneral" });
    expect(parseImportHsCode("lamp")).toMatchObject({ ok: false, code: "hsFormat" });
    expect(parseImportHsCode("9405.111")).toMatchObject({ ok: false, code: "hsFormat" });
    expect(parseImportHsCode("")).toMatchObject({ ok: false, code: "required" });
  });

  it("splits lists on semicolons (full-width too) and names every unknown item", () => {
    expect(splitList(" BR ;PT；；AO;BR ")).toEqual(["BR", "PT", "AO"]);
    const upper = (text: string) => (/^[A-Z]{2}$/i.test(text) ? text.toUpperCase() : null);
    expect(parseList("br;pt", upper, "countryUnknown")).toEqual({ ok: true, value: ["BR", "PT"] });
    expect(parseList("BR;Brasil;Angola", upper, "countryUnknown")).toEqual({ ok: false, code: "countryUnknown", params: { values: "Brasil; Angola" } });
  });

  it("reads numbers as spreadsheets write them", () => {
    expect(parseInteger("1,000", 1, 10_000)).toEqual({ ok: true, value: 1000 });
    expect(parseInteger("12.0", 1, 100)).toEqual({ ok: true, value: 12 });
    expect(parseInteger("", 1, 100)).toEqual({ ok: true, value: null });
    expect(parseInteger("1.5", 1, 100)).toMatchObject({ ok: false, code: "integer" });
    expect(parseInteger("0", 1, 100)).toMatchObject({ ok: false, code: "outOfRange" });
    expect(parseUsd("$4.5")).toEqual({ ok: true, value: "4.50" });
    expect(parseUsd("1,200.456 USD")).toEqual({ ok: true, value: "1200.46" });
    expect(parseUsd("0.30000000000000004")).toEqual({ ok: true, value: "0.30" });
    expect(parseUsd("-3")).toMatchObject({ ok: false, code: "number" });
    expect(parseUsd("cheap")).toMatchObject({ ok: false, code: "number" });
  });

  it("puts a head count in its employee band", () => {
    expect(parseEmployees("120")).toEqual({ ok: true, value: "100-299" });
    expect(parseEmployees("1000+")).toEqual({ ok: true, value: "1000+" });
    expect(parseEmployees("100–299")).toEqual({ ok: true, value: "100-299" });
    expect(parseEmployees("many")).toMatchObject({ ok: false, code: "employees" });
  });

  it("checks ids, web addresses and telephone numbers", () => {
    expect(parseExternalId("ZS-F-000001")).toEqual({ ok: true, value: "ZS-F-000001" });
    expect(parseExternalId("a b")).toMatchObject({ ok: false, code: "externalIdFormat" });
    expect(parseWebsite("www.example.cn")).toEqual({ ok: true, value: "https://www.example.cn/" });
    expect(parseWebsite("javascript:alert(1)")).toMatchObject({ ok: false, code: "url" });
    expect(parsePhone("+86 760 2233 4455")).toEqual({ ok: true, value: "+86 760 2233 4455" });
    expect(parsePhone("call me")).toMatchObject({ ok: false, code: "phone" });
  });
});
