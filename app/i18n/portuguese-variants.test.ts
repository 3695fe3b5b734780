import { describe, expect, it } from "vitest";
import { localeFromTag, matchLocale } from "./config";
import { localeFromAcceptLanguage } from "./locale.server";
import { portugueseVariants } from "./portuguese-variants";
import { brazilianOnlyWords, europeanOnlyWords, variantOnlyWords } from "./portuguese-words";
import { portugueseBase, resources } from "./resources";

type Tree = { [key: string]: string | Tree };
function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[prefix + key, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

describe("the shared Portuguese resources", () => {
  it("contain no word only one variant uses", () => {
    const offending = Object.entries(portugueseBase).flatMap(([ns, tree]) =>
      leaves(tree).flatMap(([key, text]) => variantOnlyWords(text).map((word) => `${ns}:${key} has "${word}"`)),
    );
    expect(offending).toEqual([]);
  });

  it("the scan finds the words it lists, and leaves the archive sense of arquivo alone", () => {
    for (const word of [...europeanOnlyWords, ...brazilianOnlyWords]) expect(variantOnlyWords(`Um ${word}.`), word).toContain(word);
    expect(variantOnlyWords("Guarde o Arquivo CSV")).toEqual(["arquivo"]);
    expect(variantOnlyWords("mostrado no arquivo público; o arquivo zip")).toEqual([]);
    expect(variantOnlyWords("Palavra-passe atual; telefone; registro civil")).toEqual(["palavra-passe", "registro"]);
  });
});

describe("Brazilian and European Portuguese", () => {
  it("each speak their own words where they differ", () => {
    expect(resources["pt-BR"].auth).toMatchObject({ fields: { password: "Senha" } });
    expect(resources["pt-PT"].auth).toMatchObject({ fields: { password: "Palavra-passe" } });
    expect(resources["pt-BR"].import).toMatchObject({ page: { file: "Arquivo" } });
    expect(resources["pt-PT"].import).toMatchObject({ page: { file: "Ficheiro" } });
    expect(resources["pt-BR"].home).toMatchObject({ hero: { registerFirm: "Cadastre sua empresa" } });
    expect(resources["pt-PT"].home).toMatchObject({ hero: { registerFirm: "Registe a sua empresa" } });
  });

  it("share every other word with the base", () => {
    expect(resources["pt-BR"].common).toMatchObject({ nav: { signIn: "Entrar" } });
    expect(resources["pt-PT"].common).toMatchObject({ nav: { signIn: "Entrar" } });
  });

  it("a Brazilian reader sees no European-only word, and a European reader no Brazilian-only one", () => {
    const words = (locale: "pt-BR" | "pt-PT") =>
      Object.entries(resources[locale]).flatMap(([ns, tree]) => leaves(tree).flatMap(([key, text]) => variantOnlyWords(text).map((word) => `${ns}:${key} ${word}`)));
    const european = new Set(europeanOnlyWords);
    const brazilian = new Set([...brazilianOnlyWords, "arquivo"]);
    expect(words("pt-BR").filter((hit) => european.has(hit.split(" ").pop()!))).toEqual([]);
    expect(words("pt-PT").filter((hit) => brazilian.has(hit.split(" ").pop()!))).toEqual([]);
  });

  it("override only keys the base has (a stale word would silently do nothing)", () => {
    for (const [variant, namespaces] of Object.entries(portugueseVariants)) {
      for (const [ns, tree] of Object.entries(namespaces)) {
        const base = new Set(leaves(portugueseBase[ns as keyof typeof portugueseBase]).map(([key]) => key));
        for (const [key] of leaves(tree)) expect(base.has(key), `${variant}/${ns}: ${key}`).toBe(true);
      }
    }
  });
});

describe("which Portuguese a visitor gets", () => {
  it.each([
    ["pt-BR", "pt-BR"],
    ["pt-br", "pt-BR"],
    ["pt-PT", "pt-PT"],
    ["pt-AO", "pt-PT"],
    ["pt-MZ", "pt-PT"],
    ["pt-MO", "pt-PT"],
    ["pt-TL", "pt-PT"],
    ["pt", "pt-BR"],
  ])("%s → %s", (tag, locale) => {
    expect(localeFromTag(tag)).toBe(locale);
  });

  it("reads Accept-Language in order of quality", () => {
    expect(localeFromAcceptLanguage("pt-PT,pt;q=0.9,en;q=0.8")).toBe("pt-PT");
    expect(localeFromAcceptLanguage("pt-BR,pt;q=0.9")).toBe("pt-BR");
    expect(localeFromAcceptLanguage("pt")).toBe("pt-BR");
  });

  it("the retired plain pt (old URLs, cookies, stored choices) reads as Brazilian", () => {
    expect(matchLocale("pt")).toBe("pt-BR");
    expect(matchLocale("PT-pt")).toBe("pt-PT");
  });
});
