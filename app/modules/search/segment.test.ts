import { describe, expect, it } from "vitest";
import { createSegmenter } from "./segment";

describe("Chinese word parts", () => {
  const segment = createSegmenter(["灯", "吸顶", "吊", "水晶", "锁", "智能", "指纹", "门锁", "办公椅"]);

  it("split known parts out of compounds, longest first, leaving the rest to the engine", () => {
    expect(segment("LED吸顶灯")).toBe("LED 吸顶 灯");
    expect(segment("水晶吊灯 XI-CL675")).toBe("水晶 吊 灯 XI-CL675");
    expect(segment("智能指纹门锁")).toBe("智能 指纹 门锁");
    expect(segment("人体工学办公椅")).toBe("人体工学 办公椅");
    expect(segment("中山市古镇星辉照明有限公司")).toBe("中山市古镇星辉照明有限公司");
  });

  it("give queries the same parts as documents", () => {
    expect(segment("LED灯")).toBe("LED 灯");
    expect(segment("吸顶灯")).toBe("吸顶 灯");
  });

  it("leave Latin text and an empty dictionary alone", () => {
    expect(segment("luminária de teto LED")).toBe("luminária de teto LED");
    expect(createSegmenter([])("LED吸顶灯")).toBe("LED吸顶灯");
  });
});
