import { describe, expect, it } from "vitest";
import { entryFromGroup, protectTerms, restoreTerms, termLanguage } from "./glossary";
import { splitForTranslation } from "./split";
import { checkTranslation, sourceHash, translationBackoffMs } from "./answer";
import { translateText } from "./pipeline";

const ceilingLight = entryFromGroup(["吸顶灯", "ceiling light", "ceiling lamp", "luminária de teto", "candeeiro de teto"]);
const lighting = entryFromGroup(["灯饰", "lighting", "iluminação"]);
const glossary = [ceilingLight, lighting];

describe("glossary", () => {
  it("labels vocabulary words by language", () => {
    expect(termLanguage("吸顶灯")).toBe("zh");
    expect(termLanguage("luminária de teto")).toBe("pt");
    expect(termLanguage("ceiling light")).toBe("en");
    expect(ceilingLight.pt).toEqual(["luminária de teto", "candeeiro de teto"]);
  });

  it("protects 吸顶灯 and puts back the Portuguese term, not a literal translation", () => {
    const guarded = protectTerms("我们生产吸顶灯和灯饰。", glossary, "zh", "pt");
    expect(guarded.text).not.toContain("吸顶灯");
    expect(guarded.terms).toHaveLength(2);
    // What an engine would answer with the placeholders left in place.
    const engineAnswer = guarded.text.replace("我们生产", "Produzimos ").replace("和", " e ").replace("。", ".");
    expect(restoreTerms(engineAnswer, guarded, "pt")).toBe("Produzimos luminária de teto e iluminação.");
  });

  it("matches alphabetic terms as whole words only, any case", () => {
    const guarded = protectTerms("Preciso de Luminária de teto; iluminações não.", glossary, "pt", "zh");
    expect(guarded.terms.map((term) => term.original)).toEqual(["Luminária de teto"]);
    expect(restoreTerms(guarded.text, guarded, "zh")).toBe("Preciso de 吸顶灯; iluminações não.");
  });

  it("rejects an answer that lost or invented a placeholder", () => {
    const guarded = protectTerms("吸顶灯", glossary, "zh", "en");
    expect(restoreTerms("suction lamp", guarded, "en")).toBeNull();
    expect(restoreTerms(`${guarded.text} ⟦7⟧`, guarded, "en")).toBeNull();
    expect(restoreTerms("⟦ 0 ⟧", guarded, "en")).toBe("ceiling light");
  });
});

describe("splitting", () => {
  it("keeps short texts whole", () => {
    expect(splitForTranslation("Olá. Tudo bem?", 100)).toEqual(["Olá. Tudo bem?"]);
    expect(splitForTranslation("", 100)).toEqual([]);
  });

  it("cuts a 20,000-character text at sentence ends, and the parts join back to the whole", () => {
    const sentence = "Queremos comprar luminárias de teto para lojas em São Paulo. ";
    const text = sentence.repeat(Math.ceil(20_000 / sentence.length)).slice(0, 20_000);
    const parts = splitForTranslation(text, 4000);
    expect(parts.length).toBeGreaterThanOrEqual(5);
    expect(parts.join("")).toBe(text);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4000);
    for (const part of parts.slice(0, -1)) expect(part.endsWith(". ")).toBe(true);
  });

  it("cuts Chinese at 。 and a sentence without any end at the limit, losing nothing", () => {
    const chinese = "我们是古镇的灯饰企业。".repeat(50);
    const parts = splitForTranslation(chinese, 100);
    expect(parts.join("")).toBe(chinese);
    for (const part of parts) expect(part.endsWith("。")).toBe(true);
    const endless = "x".repeat(250);
    expect(splitForTranslation(endless, 100)).toEqual(["x".repeat(100), "x".repeat(100), "x".repeat(50)]);
  });
});

describe("engine answers", () => {
  it("accepts text and refuses HTML, a 100 times longer answer, the wrong type and empty text", () => {
    expect(checkTranslation("Olá", "你好")).toEqual({ ok: true, text: "你好" });
    expect(checkTranslation("Olá", "<html><body>502 Bad Gateway</body></html>")).toEqual({ ok: false, problem: "markup" });
    expect(checkTranslation("Olá mundo", "palavra ".repeat(1000))).toEqual({ ok: false, problem: "too-long" });
    expect(checkTranslation("Olá", { translatedText: "你好" })).toEqual({ ok: false, problem: "not-text" });
    expect(checkTranslation("Olá", 42)).toEqual({ ok: false, problem: "not-text" });
    expect(checkTranslation("Olá", "  ")).toEqual({ ok: false, problem: "empty" });
  });

  it("hashes the source so a changed text is translated again", () => {
    expect(sourceHash("abc")).toBe(sourceHash("abc"));
    expect(sourceHash("abc")).not.toBe(sourceHash("abd"));
    expect(sourceHash("é")).toBe(sourceHash("e\u0301"));
  });

  it("backs off and caps the wait", () => {
    expect(translationBackoffMs(1)).toBe(30_000);
    expect(translationBackoffMs(2)).toBe(60_000);
    expect(translationBackoffMs(50)).toBe(3_600_000);
  });
});

describe("translateText", () => {
  it("sends each part with the terms protected and joins the answers", async () => {
    const sent: string[] = [];
    const engine = {
      translate: async ({ text }: { text: string }) => {
        sent.push(text);
        return text.replace("Preciso de", "我需要").replace(".", "。");
      },
    };
    const text = "Preciso de luminária de teto.\nPreciso de iluminação.";
    const out = await translateText(engine, { text, source: "pt", target: "zh", glossary, maxChars: 30 });
    expect(sent).toEqual(["Preciso de ⟦0⟧.", "Preciso de ⟦0⟧."]);
    expect(out).toBe("我需要 吸顶灯。\n我需要 灯饰。");
  });

  it("fails the whole text when one part's answer is unusable", async () => {
    let calls = 0;
    const engine = { translate: async () => (++calls === 2 ? "<p>error</p>" : "ok") };
    await expect(translateText(engine, { text: "Uma frase. Outra frase.", source: "pt", target: "en", glossary: [], maxChars: 12 })).rejects.toThrow(/markup/);
  });
});
