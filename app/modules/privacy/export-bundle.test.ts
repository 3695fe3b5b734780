import { describe, expect, it } from "vitest";
import { attachmentPath, exportFileName, imagePath, safeFileName, toPortable } from "./export-bundle";

describe("the export's file names", () => {
  it("keeps a file inside its folder whatever its name says", () => {
    expect(safeFileName("../../etc/passwd")).toBe("__.._etc_passwd");
    expect(safeFileName("a\u0000b\r\nc.pdf")).toBe("a_b_c.pdf");
    expect(safeFileName("C:\\Users\\x.pdf")).toBe("C_Users_x.pdf");
    expect(safeFileName("")).toBe("file");
    expect(safeFileName("   ")).toBe("file");
  });

  it("keeps Chinese and Portuguese names, bounded in length, their end (the extension) kept", () => {
    expect(safeFileName("产品目录 ação.pdf")).toBe("产品目录 ação.pdf");
    const long = `${"长".repeat(300)}.pdf`;
    expect([...safeFileName(long)]).toHaveLength(120);
    expect(safeFileName(long).endsWith(".pdf")).toBe(true);
  });

  it("gives two files of the same name different paths", () => {
    expect(attachmentPath("a1", "x.pdf")).not.toBe(attachmentPath("a2", "x.pdf"));
    expect(attachmentPath("a1", "x.pdf")).toBe("files/attachments/a1-x.pdf");
    expect(imagePath("product-image", "products/p1/abc.webp")).toBe("files/products/products_p1_abc.webp");
  });

  it("names the download after the day", () => {
    expect(exportFileName(new Date("2026-12-07T23:30:00Z"), "zip")).toBe("ponte-data-2026-12-07.zip");
  });
});

describe("toPortable", () => {
  it("writes dates as ISO strings and big integers as strings, deeply", () => {
    expect(toPortable({ at: new Date("2026-01-02T03:04:05Z"), id: 12n, list: [{ at: new Date(0) }], none: undefined })).toEqual({
      at: "2026-01-02T03:04:05.000Z",
      id: "12",
      list: [{ at: "1970-01-01T00:00:00.000Z" }],
      none: null,
    });
  });
});
