import { describe, expect, it } from "vitest";
import { changesBetween, diffLines, MAX_DIFF_CELLS, textsDiffer } from "./history";

describe("diffLines", () => {
  it("keeps common lines and marks the removed and the added", () => {
    expect(diffLines("第一段\n申报截止：12月31日\n第三段", "第一段\n申报截止：次年1月15日\n第三段\n附：联系电话")).toEqual([
      { kind: "same", text: "第一段" },
      { kind: "removed", text: "申报截止：12月31日" },
      { kind: "added", text: "申报截止：次年1月15日" },
      { kind: "same", text: "第三段" },
      { kind: "added", text: "附：联系电话" },
    ]);
  });

  it("handles empty texts and Windows line ends", () => {
    expect(diffLines("", "a")).toEqual([{ kind: "added", text: "a" }]);
    expect(diffLines("a\r\nb", "a\nb")).toEqual([
      { kind: "same", text: "a" },
      { kind: "same", text: "b" },
    ]);
    expect(diffLines("", "")).toEqual([]);
  });

  it("shows huge texts as replaced whole instead of spending seconds", () => {
    const lines = Math.ceil(Math.sqrt(MAX_DIFF_CELLS)) + 1;
    const before = Array.from({ length: lines }, (_, i) => `a${i}`).join("\n");
    const after = Array.from({ length: lines }, (_, i) => `b${i}`).join("\n");
    const started = Date.now();
    const diff = diffLines(before, after);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(diff.filter((line) => line.kind === "removed")).toHaveLength(lines);
    expect(diff.filter((line) => line.kind === "added")).toHaveLength(lines);
  });
});

describe("changesBetween", () => {
  it("lists each edit newest first, with the title only when it changed", () => {
    const changes = changesBetween([
      { version: 2, title: "B", body: "x\ny", since: new Date("2026-12-02") },
      { version: 1, title: "A", body: "x", since: new Date("2026-12-01") },
      { version: 3, title: "B", body: "x\nz", since: new Date("2026-12-03") },
    ]);
    expect(changes.map((change) => change.version)).toEqual([3, 2]);
    expect(changes[1]).toMatchObject({ titleBefore: "A", titleAfter: "B" });
    expect(changes[0]).toMatchObject({ titleBefore: null, titleAfter: null });
    expect(changes[0].body).toEqual([
      { kind: "same", text: "x" },
      { kind: "removed", text: "y" },
      { kind: "added", text: "z" },
    ]);
  });
});

describe("textsDiffer", () => {
  it("ignores surrounding spaces and missing languages", () => {
    expect(textsDiffer({ titleZh: "标题", titleEn: undefined }, { titleZh: " 标题 ", titleEn: "" })).toBe(false);
    expect(textsDiffer({ bodyPt: "a" }, { bodyPt: "b" })).toBe(true);
  });
});
