import { describe, expect, it } from "vitest";
import { buildNameIndex, foldName, levenshtein } from "./names";

describe("names as people write them", () => {
  it.each([
    ["Xiaolan", "xiaolan"],
    ["Xiao Lan", "xiaolan"],
    ["xiao-lan", "xiaolan"],
    ["Xiǎolǎn", "xiaolan"],
    ["XIAO3LAN3", "xiaolan"],
    ["Guzhen Town", "guzhen"],
    ["Gǔzhèn zhen", "guzhen"],
    ["古镇镇", "古镇"],
    ["古镇", "古镇"],
    ["小榄镇", "小榄"],
    ["Ｘｉａｏｌａｎ", "xiaolan"],
  ])("folds town %j to %j", (text, key) => {
    expect(foldName(text, "town")).toBe(key);
  });

  it("keeps a name that only looks like a suffix", () => {
    expect(foldName("Guzhen", "town")).toBe("guzhen");
    expect(foldName("镇", "town")).toBe("镇");
  });

  it.each([
    ["ISO 9001", "iso9001"],
    ["ISO9001", "iso9001"],
    ["ISO-9001", "iso9001"],
    ["ｉｓｏ　９００１", "iso9001"],
    ["CE认证", "ce"],
    ["Oeko-Tex", "oekotex"],
  ])("folds certification %j to %j", (text, key) => {
    expect(foldName(text, "certification")).toBe(key);
  });

  it("measures edit distance over code points", () => {
    expect(levenshtein("kitten", "sitting")).toBe(3);
    expect(levenshtein("五金", "五金锁具")).toBe(2);
    expect(levenshtein("", "abc")).toBe(3);
  });

  const clusters = buildNameIndex("cluster", [
    { value: "hardware", label: "五金锁具", latinLabel: "Hardware and locks", names: ["五金锁具", "Hardware and locks", "hardware"], aliases: ["五金"] },
    { value: "lighting", label: "灯饰", latinLabel: "Lighting", names: ["灯饰", "Lighting", "lighting"], aliases: ["照明"] },
  ]);

  it("finds an entry by any of its names, folded", () => {
    expect(clusters.find("五金")).toBe("hardware");
    expect(clusters.find(" hardware-and-locks ")).toBe("hardware");
    expect(clusters.find("照明")).toBe("lighting");
    expect(clusters.find("LIGHTING")).toBe("lighting");
    expect(clusters.find("furniture")).toBeNull();
    expect(clusters.find("")).toBeNull();
  });

  it("says whether a name was written as one of the entry's own names", () => {
    expect(clusters.match("五金锁具")).toEqual({ value: "hardware", label: "五金锁具", exact: true });
    expect(clusters.match("五金")).toEqual({ value: "hardware", label: "五金锁具", exact: false });
    expect(clusters.match("Hardware And Locks")).toEqual({ value: "hardware", label: "Hardware and locks", exact: false });
  });

  it("suggests the nearest known name, and nothing when none is near", () => {
    expect(clusters.suggest("五金锁")).toBe("五金锁具");
    expect(clusters.suggest("hardwear")).toBe("Hardware and locks");
    expect(clusters.suggest("lightning")).toBe("Lighting");
    expect(clusters.suggest("家具")).toBeNull();
    expect(clusters.suggest("x")).toBeNull();
  });

  it("reports a name two entries claim, keeping it for the first", () => {
    const index = buildNameIndex("cluster", [
      { value: "a", label: "A", names: ["shared", "a"] },
      { value: "b", label: "B", names: ["Shared", "b"] },
    ]);
    expect(index.find("shared")).toBe("a");
    expect(index.conflicts).toEqual([{ key: "shared", name: "Shared", labels: ["A", "B"] }]);
  });
});
