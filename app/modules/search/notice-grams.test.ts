import { describe, expect, it } from "vitest";
import { HAN_RUN } from "~/modules/i18n-text/han";
import { noticeGrams } from "./notice-grams";

describe("noticeGrams", () => {
  it("lists each run of 2 to 4 Han characters once, inside Han runs only", () => {
    expect(noticeGrams("保险保费 LED 灯", HAN_RUN).split(" ")).toEqual([
      "保险",
      "保险保",
      "保险保费",
      "险保",
      "险保费",
      "保费",
    ]);
    expect(noticeGrams("出口补贴 出口补贴", HAN_RUN).split(" ")).toContain(
      "口补贴"
    );
    expect(
      noticeGrams("出口补贴 出口补贴", HAN_RUN)
        .split(" ")
        .filter((gram) => gram === "出口")
    ).toHaveLength(1);
  });

  it("has nothing for Latin text or single characters", () => {
    expect(noticeGrams("Subsídio à exportação 灯", HAN_RUN)).toBe("");
  });

  it("stops at the cap", () => {
    expect(
      noticeGrams("一二三四五六七八九十", HAN_RUN, 5).split(" ")
    ).toHaveLength(5);
  });
});
