import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it, vi } from "vitest";
import { detectDelimiter, firstSheetPath, readRows, xlsxCellText } from "./spreadsheet.server";

describe("reading spreadsheet cells", () => {
  it("finds the delimiter of a CSV header", () => {
    expect(detectDelimiter("external_id,name_zh,name_en")).toBe(",");
    expect(detectDelimiter("external_id;name_zh;name_en")).toBe(";");
    expect(detectDelimiter("external_id\tname_zh\tname_en")).toBe("\t");
    expect(detectDelimiter('"a,b";c;d')).toBe(";");
    expect(detectDelimiter("external_id")).toBe(",");
  });

  it("uses a formula's saved result, never the formula, and flags what has no value", () => {
    expect(xlsxCellText({ formula: "A1*2", result: 12 })).toEqual({ text: "12" });
    expect(xlsxCellText({ formula: "NOW()" } as never)).toEqual({ text: "", problem: { code: "formulaNoResult" } });
    expect(xlsxCellText({ formula: "1/0", result: { error: "#DIV/0!" } } as never)).toEqual({ text: "", problem: { code: "cellError", params: { value: "#DIV/0!" } } });
    expect(xlsxCellText({ richText: [{ text: "LED" }, { text: "吸顶灯" }] })).toEqual({ text: "LED吸顶灯" });
    expect(xlsxCellText({ text: "site", hyperlink: "https://x.example" })).toEqual({ text: "site" });
    expect(xlsxCellText(9405.1)).toEqual({ text: "9405.1" });
    expect(xlsxCellText(null)).toEqual({ text: "" });
  });
});

describe("reading XLSX workbooks", () => {
  it("finds the first tab's worksheet through the workbook's relationships", () => {
    const names = ["xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet10.xml"];
    const rels = [
      { Id: "rId1", Target: "worksheets/sheet1.xml" },
      { Id: "rId2", Target: "/xl/worksheets/sheet2.xml" },
    ];
    expect(firstSheetPath({ workbookRels: rels, model: { sheets: [{ rId: "rId2" }, { rId: "rId1" }] } }, names)).toBe("xl/worksheets/sheet2.xml");
    // No usable workbook part: the lowest-numbered sheet.
    expect(firstSheetPath({}, ["xl/worksheets/sheet10.xml", "xl/worksheets/sheet2.xml"])).toBe("xl/worksheets/sheet2.xml");
    expect(firstSheetPath({}, ["xl/workbook.xml"])).toBeNull();
  });

  it("reads workbooks that store their workbook part after the sheets, many at once (the streaming race of exceljs#3064)", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Data").addRows([["external_id", "name_zh"], ["P-1", "吸顶灯"], ["P-2", "门锁"]]);
    workbook.addWorksheet("Notes").addRow(["ignored"]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ponte-xlsx-"));
    try {
      const file = path.join(dir, "two-sheets.xlsx");
      await workbook.xlsx.writeFile(file);
      const readAll = async () => {
        const rows: string[][] = [];
        for await (const row of readRows(file, { format: "xlsx" })) rows.push(row.cells);
        return rows;
      };
      const results = await Promise.all(Array.from({ length: 20 }, readAll));
      for (const rows of results) expect(rows).toEqual([["external_id", "name_zh"], ["P-1", "吸顶灯"], ["P-2", "门锁"]]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a damaged workbook as unreadable, logging why", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ponte-xlsx-"));
    const file = path.join(dir, "damaged.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Data").addRow(["a"]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    // Cut the archive in half: its central directory is gone.
    fs.writeFileSync(file, buffer.subarray(0, Math.floor(buffer.length / 2)));
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      await expect(async () => {
        for await (const row of readRows(file, { format: "xlsx" })) void row;
      }).rejects.toMatchObject({ code: "xlsxUnreadable" });
    } finally {
      stderr.mockRestore();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
