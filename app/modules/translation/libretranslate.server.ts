import { EngineError, type TranslationEngine } from "./engine";

/**
 * LibreTranslate's HTTP API (open source, self-hostable: no text need leave
 * the city's servers). POST /translate {q, source, target, format, api_key}
 * → {translatedText}; GET /languages → [{code, name, targets}].
 */
export function libreTranslateEngine(options: { url: string; apiKey?: string; timeoutMs: number }): TranslationEngine {
  const base = options.url.replace(/\/+$/, "");
  const call = async (path: string, init?: RequestInit): Promise<unknown> => {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(options.timeoutMs) });
    } catch (error) {
      throw new EngineError(`engine unreachable: ${(error as Error).name === "TimeoutError" ? "timeout" : (error as Error).message}`);
    }
    if (!response.ok) throw new EngineError(`engine answered ${response.status}`);
    const type = response.headers.get("content-type") ?? "";
    if (!type.includes("json")) throw new EngineError(`engine answered ${type || "no content type"}, not JSON`);
    try {
      return await response.json();
    } catch {
      throw new EngineError("engine answered malformed JSON");
    }
  };
  return {
    name: "libretranslate",
    async languages() {
      const list = await call("/languages");
      if (!Array.isArray(list)) throw new EngineError("engine's language list is not a list");
      return list.map((entry) => String((entry as { code?: unknown }).code ?? "")).filter(Boolean);
    },
    async translate({ text, source, target }) {
      const body = await call("/translate", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ q: text, source, target, format: "text", ...(options.apiKey ? { api_key: options.apiKey } : {}) }),
      });
      return (body as { translatedText?: unknown } | null)?.translatedText;
    },
  };
}
