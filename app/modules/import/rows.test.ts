import { describe, expect, it } from "vitest";
import { buildNameIndex } from "~/modules/reference/names";
import { buildCorrelations, resolveHsCode } from "~/modules/hs/correlation";
import { productColumns } from "./columns";
import { validateFirmRow, validateProductRow, type ImportReferences } from "./rows";

const towns = buildNameIndex("town", [{ value: "town-xiaolan", label: "小榄", latinLabel: "Xiaolan", names: ["xiaolan", "小榄", "Xiaolan"] }]);
const clusters = buildNameIndex("cluster", [
  { value: { id: "cl-hardware", townId: "town-xiaolan" }, label: "五金锁具", latinLabel: "Hardware and locks", names: ["hardware", "五金锁具", "Hardware and locks"], aliases: ["五金"] },
]);
const certifications = buildNameIndex("certification", [
  { value: "CCC", label: "CCC", names: ["CCC"], aliases: ["3C"] },
  { value: "ISO9001", label: "ISO9001", names: ["ISO9001"] },
]);
const known = new Set(["9405", "940542", "940541", "940549", "853951", "851660", "6201", "620140"]);
const correlations = buildCorrelations({
  "2017": [
    { old: "620193", current: "620140" },
    ...["940541", "940542", "940549", "853951"].map((current) => ({ old: "940540", current })),
    { old: "999999", current: "999999" },
  ],
  "2012": [],
});
const refs: ImportReferences = {
  town: (text) => towns.match(text),
  cluster: (text) => clusters.match(text),
  certification: (text) => certifications.match(text),
  suggest: (kind, text) => ({ town: towns, cluster: clusters, certification: certifications })[kind].suggest(text),
  isCountryCode: (code) => ["BR", "PT"].includes(code),
  resolveHs: (digits) => resolveHsCode(digits, correlations, (code) => known.has(code)),
  thisYear: 2026,
};

const firm = { external_id: "F-1", name_zh: "小榄锁厂" };
const product = (hs_code: string) => Object.fromEntries(productColumns.map((column) => [column, ""]).concat([["external_id", "P-1"], ["firm_external_id", "F-1"], ["name_zh", "锁"], ["hs_code", hs_code]]));

describe("an import row as firms write it", () => {
  it("reads 五金, pinyin and 3C, and notes each reading", () => {
    const result = validateFirmRow({ ...firm, town: "Xiao Lan", cluster: "五金", certifications: "3C; ISO 9001" }, refs, { hasUsccColumn: false });
    expect(result).toMatchObject({ ok: true, record: { townId: "town-xiaolan", clusterId: "cl-hardware", certifications: ["CCC", "ISO9001"] } });
    expect(result.notes).toEqual([
      { column: "town", code: "name", from: "Xiao Lan", to: "Xiaolan" },
      { column: "cluster", code: "name", from: "五金", to: "五金锁具" },
      { column: "certifications", code: "name", from: "3C", to: "CCC" },
      { column: "certifications", code: "name", from: "ISO 9001", to: "ISO9001" },
    ]);
  });

  it("names the nearest known value when nothing matches", () => {
    const result = validateFirmRow({ ...firm, town: "Xiaolang", cluster: "五金锁", certifications: "ISO 9010" }, refs, { hasUsccColumn: false });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues).toEqual([
      { column: "town", code: "townUnknown", params: { value: "Xiaolang", didYouMean: "Xiaolan" } },
      { column: "cluster", code: "clusterUnknown", params: { value: "五金锁", didYouMean: "五金锁具" } },
      { column: "certifications", code: "certificationUnknown", params: { values: "ISO 9010", didYouMean: "ISO9001" } },
    ]);
  });

  it("keeps national codes whole and maps HS 2017 codes", () => {
    expect(validateProductRow(product("8516600000"), refs, { firmOptional: false })).toMatchObject({
      ok: true,
      record: { hsCode: "851660", nationalCode: "8516600000", hsCodeAsWritten: null, hsChoices: [] },
      notes: [{ column: "hs_code", code: "hsNational", from: "8516600000", to: "8516.60" }],
    });
    expect(validateProductRow(product("6201.93"), refs, { firmOptional: false })).toMatchObject({
      ok: true,
      record: { hsCode: "620140", nationalCode: null, hsCodeAsWritten: "620193" },
      notes: [{ code: "hsMapped", from: "6201.93", to: "6201.40", params: { edition: "2017" } }],
    });
  });

  it("files a code that split under its heading as a warning, and refuses one that points nowhere", () => {
    const split = validateProductRow(product("9405.40"), refs, { firmOptional: false });
    expect(split).toMatchObject({ ok: true, record: { hsCode: "9405", hsChoices: ["853951", "940541", "940542", "940549"] } });
    expect(split.notes[0]).toMatchObject({ code: "hsChoose", warning: true, params: { candidates: "8539.51, 9405.41, 9405.42, 9405.49" } });
    const nowhere = validateProductRow(product("9999.99"), refs, { firmOptional: false });
    expect(!nowhere.ok && nowhere.issues).toEqual([{ column: "hs_code", code: "mapping.hsNowhere", params: { value: "9999.99", edition: "2017", targets: "9999.99" } }]);
  });
});
