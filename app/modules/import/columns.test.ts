import { describe, expect, it } from "vitest";
import { checkHeader, firmColumns, productColumns } from "./columns";

describe("import file headers", () => {
  it("accepts the columns in any order and spelling of case, with uscc optional for firms", () => {
    const header = ["USCC", ...[...firmColumns].reverse().map((column) => ` ${column.toUpperCase()} `)];
    const { columns, problems } = checkHeader("firms", header);
    expect(problems).toEqual([]);
    expect(columns[0]).toBe("uscc");
    expect(columns[1]).toBe("employees");
  });

  it("names missing, unknown and repeated columns", () => {
    const header = [...productColumns.filter((column) => column !== "moq"), "colour", "hs_code"];
    expect(checkHeader("products", header).problems).toEqual([
      { code: "missingColumns", columns: ["moq"] },
      { code: "unknownColumns", columns: ["colour"] },
      { code: "duplicateColumns", columns: ["hs_code"] },
    ]);
    expect(checkHeader("products", ["uscc", ...productColumns]).problems).toEqual([{ code: "unknownColumns", columns: ["uscc"] }]);
    expect(checkHeader("firms", ["", " "]).problems).toEqual([{ code: "emptyHeader" }]);
  });
});
