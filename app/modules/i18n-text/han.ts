/** Han characters (CJK unified ideographs, extension A and compatibility ideographs). Pure. */
const HAN_CHARACTERS = "\\u3400-\\u9fff\\uf900-\\ufaff";

/** Runs of Han characters, for `replace` and `match` (global). */
export const HAN_RUN = new RegExp(`[${HAN_CHARACTERS}]+`, "gu");

const HAN = new RegExp(`[${HAN_CHARACTERS}]`, "u");

/** Whether a text holds any Han character. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}
