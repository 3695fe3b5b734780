/**
 * What Ponte needs from a machine translation engine. LibreTranslate
 * implements it (libretranslate.server.ts); DeepL, Alibaba Cloud or Tencent
 * adapters would implement the same two calls.
 */
export interface TranslationEngine {
  /** Stored with each translation ("libretranslate"). */
  readonly name: string;
  /** Language codes the engine translates between ("zh", "pt", "en"). */
  languages(): Promise<string[]>;
  /** One part of a text; resolves with whatever the engine answered (checked by the caller). */
  translate(input: { text: string; source: string; target: string }): Promise<unknown>;
}

/** An engine failure that a retry may cure (timeout, 5xx, refused connection). */
export class EngineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EngineError";
  }
}
