import { describe, expect, it } from "vitest";
import { contentWords, modelNumber, structuredTitle } from "./title";
import { attributeDefinitions, attributeValueLabel, productTypes } from "./vocabulary";

const locales = ["en", "zh-CN", "pt-BR", "pt-PT"] as const;
const materials = [undefined, ...Object.keys(attributeDefinitions.material.values)];
const fabrics = [undefined, ...Object.keys(attributeDefinitions.fabric.values)];

describe("structured product titles", () => {
  it("read in every language and Portuguese variant", () => {
    const attributes = { type: "ceiling-light", powerW: 24, material: "aluminium" };
    expect(structuredTitle(attributes, "en")).toBe("24 W aluminium LED ceiling light");
    expect(structuredTitle(attributes, "pt-BR")).toBe("Luminária de teto LED de alumínio 24 W");
    expect(structuredTitle(attributes, "pt-PT")).toBe("Candeeiro de teto LED de alumínio 24 W");
    expect(structuredTitle(attributes, "zh-CN")).toBe("24W 铝合金 LED吸顶灯");
    expect(structuredTitle({ type: "unknown" }, "en")).toBeNull();
    expect(structuredTitle(null, "en")).toBeNull();
  });

  it("never repeat a material the type's name says, nor contradict it", () => {
    expect(structuredTitle({ type: "rosewood-bookcase", material: "rosewood" }, "pt-BR")).toBe("Estante de jacarandá");
    expect(structuredTitle({ type: "rosewood-bookcase", material: "solid-wood" }, "pt-PT")).toBe("Estante de jacarandá");
    expect(structuredTitle({ type: "filing-cabinet", material: "solid-wood" }, "pt-BR")).toBe("Arquivo de madeira maciça");
    expect(structuredTitle({ type: "filing-cabinet", material: "solid-wood" }, "pt-PT")).toBe("Arquivador de madeira maciça");
    expect(structuredTitle({ type: "filing-cabinet", material: "solid-wood" }, "en")).toBe("Solid wood filing cabinet");
    expect(structuredTitle({ type: "filing-cabinet" }, "pt-BR")).toBe("Arquivo de aço");
    expect(structuredTitle({ type: "t-shirt", fabric: "cotton" }, "pt-BR")).toBe("Camiseta 100% algodão");
    expect(structuredTitle({ type: "jeans", fabric: "denim" }, "pt-PT")).toBe("Calças masculinas de ganga");
  });

  it("keep the firm's model number", () => {
    expect(structuredTitle({ type: "ceiling-light", powerW: 24 }, "pt-BR", "XH-C2400")).toBe("Luminária de teto LED 24 W XH-C2400");
    expect(modelNumber("24W 铝合金 LED吸顶灯 XH-C2400")).toBe("XH-C2400");
    expect(modelNumber("IP65 220V 4000K LED灯带")).toBeNull();
    expect(modelNumber("Plafon LED 24W")).toBeNull();
  });

  it("sweep: no combination of the vocabulary repeats a word or names two materials, in any language", () => {
    const problems: string[] = [];
    const materialLabels = (locale: string) =>
      [...Object.keys(attributeDefinitions.material.values).map((value) => attributeValueLabel("material", value, locale)!)];
    let titles = 0;
    for (const type of productTypes) {
      for (const material of materials) {
        for (const fabric of fabrics) {
          for (const powerW of [undefined, 24]) {
            for (const locale of locales) {
              const title = structuredTitle({ type: type.key, material, fabric, powerW }, locale, "XH-C2400")!;
              titles++;
              if (!title.endsWith("XH-C2400")) problems.push(`${title}: model number lost`);
              if (locale === "zh-CN") {
                // Chinese has no spaces between words: a material's name must not appear twice.
                for (const label of materialLabels(locale)) if (title.split(label).length > 2) problems.push(`${title}: ${label} twice`);
                continue;
              }
              const words = contentWords(title);
              const repeated = words.filter((word, index) => words.indexOf(word) !== index);
              if (repeated.length) problems.push(`${locale} ${title}: repeats ${repeated.join(", ")}`);
              // Two different materials, neither inside the other ("aço" is inside "aço inoxidável"): a contradiction.
              const has = (text: string, label: string) => ` ${contentWords(text).join(" ")} `.includes(` ${contentWords(label).join(" ")} `);
              const named = materialLabels(locale).filter((label) => has(title, label));
              const distinct = named.filter((label) => !named.some((other) => other !== label && has(other, label)));
              if (distinct.length > 1) problems.push(`${locale} ${title}: materials ${distinct.join(" + ")}`);
            }
          }
        }
      }
    }
    expect(titles).toBeGreaterThan(10_000);
    expect(problems.slice(0, 20)).toEqual([]);
  });
});
