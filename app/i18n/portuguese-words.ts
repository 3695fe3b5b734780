/**
 * Words only one Portuguese variant uses. The shared resources (resources/pt/)
 * must contain none of them: a word that differs goes into both variant
 * folders (resources/pt-BR/, resources/pt-PT/), and the base keeps a wording
 * both read alike. Checked by portuguese-variants.test.ts; the search
 * synonyms (app/modules/search/synonyms.ts) pair the product words.
 */
export const europeanOnlyWords = [
  "palavra-passe", "palavras-passe", "ficheiro", "ficheiros", "registe", "registe-se", "registar", "registo", "registos",
  "registado", "registada", "registados", "registadas", "registam", "frigorífico", "frigoríficos", "candeeiro", "candeeiros",
  "calças de ganga", "ganga", "ecrã", "ecrãs", "telemóvel", "telemóveis", "utilizador", "utilizadores", "equipa", "equipas",
  "contacto", "contactos", "contactar", "descarregar", "descarregue", "gerir", "eletrónico", "eletrónica", "económico",
  "anónimo", "ergonómica", "ergonómico", "cinzento", "cacifo", "pseudónimo",
];

export const brazilianOnlyWords = [
  "geladeira", "geladeiras", "luminária", "luminárias", "calça jeans", "senha", "senhas", "celular", "usuário", "usuários",
  "cadastro", "cadastre", "cadastre-se", "cadastrar", "registrar", "registro", "registros", "registrado", "registrada",
  "equipe", "equipes", "contato", "contatos", "baixar", "baixe", "gerenciar", "eletrônico", "eletrônica", "econômico",
  "anônimo", "ergonômica", "ergonômico", "moletom", "camiseta", "jaqueta", "ônibus", "pseudônimo", "planejador",
];

/**
 * "arquivo" is Brazilian for a computer file but both variants' word for an
 * archive ("arquivo público", "arquivo zip"): only the file sense is flagged.
 */
const brazilianFileSense = /\barquivos?\b(?!\s+(público|zip))/iu;

function wordPattern(word: string) {
  return new RegExp(`(?<![\\p{L}\\p{N}-])${word}(?![\\p{L}\\p{N}-])`, "iu");
}

const patterns = [...europeanOnlyWords, ...brazilianOnlyWords].map((word) => ({ word, pattern: wordPattern(word) }));

/** The variant-only words a text contains. */
export function variantOnlyWords(text: string): string[] {
  const found = patterns.filter(({ pattern }) => pattern.test(text)).map(({ word }) => word);
  if (brazilianFileSense.test(text)) found.push("arquivo");
  return found;
}
