import { describe, expect, it } from "vitest";
import { noticeReadBars, readPercent, readRateBars } from "./figures";

describe("notice read figures", () => {
  it("give the read share in whole percent, 0 for nobody", () => {
    expect(readPercent(1, 3)).toBe(33);
    expect(readPercent(2, 3)).toBe(67);
    expect(readPercent(0, 0)).toBe(0);
  });

  it("make one bar per group with firms, naming the unnamed", () => {
    expect(readRateBars([{ label: "古镇灯饰", total: 4, read: 3 }, { label: null, total: 2, read: 0 }, { label: "Empty", total: 0, read: 0 }], "None")).toEqual([
      { label: "古镇灯饰", value: 75 },
      { label: "None", value: 0 },
    ]);
  });

  it("chart only sent notices that reached firms", () => {
    const bars = noticeReadBars([
      { title: "A", status: "SENT", readCount: 1, recipientCount: 2 },
      { title: "B", status: "DRAFT", readCount: 0, recipientCount: 0 },
      { title: "C", status: "SENT", readCount: 0, recipientCount: 0 },
    ]);
    expect(bars).toEqual([{ label: "A", value: 50 }]);
  });
});
