import { describe, expect, it } from "vitest";
import { detectMessageLanguage, languageOfLocale } from "./language";

describe("the language of a message", () => {
  it.each([
    ["Olá, gostaríamos de um orçamento para 500 luminárias de teto LED com certificação INMETRO.", "pt"],
    ["您好，我们可以提供报价，交期三十天，支持OEM定制。", "zh"],
    ["Hello, could you please send your best FOB price for these ceiling lights?", "en"],
  ])("is detected from the text: %s", (text, language) => {
    expect(detectMessageLanguage(text, "en")).toEqual({ language, source: "detected" });
  });

  it("settles an unsure call between close languages on the author's own, and never picks a language nobody trades in", () => {
    // tinyld alone scores this short Portuguese as Spanish (and, among all its languages, once as Volapük).
    expect(detectMessageLanguage("Olá! Podemos fornecer 500 luminárias de teto.", "pt")).toEqual({ language: "pt", source: "detected" });
    expect(detectMessageLanguage("Hola, ¿pueden enviar el precio de 500 lámparas de techo?", "pt")).toEqual({ language: "es", source: "detected" });
  });

  it("detects Chinese even in a short answer, whatever the author's interface language", () => {
    expect(detectMessageLanguage("可以，明天寄样。", "en")).toEqual({ language: "zh", source: "detected" });
  });

  it("takes the author's interface language when the text is too short to tell", () => {
    expect(detectMessageLanguage("OK!", "pt")).toEqual({ language: "pt", source: "locale" });
    expect(detectMessageLanguage("500 pcs", "zh-CN")).toEqual({ language: "zh", source: "locale" });
  });

  it("ignores markup and links when detecting", () => {
    expect(detectMessageLanguage("<script>alert(1)</script> https://example.test/a/very/long/path", "pt")).toEqual({
      language: "pt",
      source: "locale",
    });
  });

  it("maps interface locales to language codes", () => {
    expect(languageOfLocale("zh-CN")).toBe("zh");
    expect(languageOfLocale("pt")).toBe("pt");
  });
});
