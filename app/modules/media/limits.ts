/** Upload limits, shared by forms (hints) and the server (checks). */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** Larger decoded images are refused: a small file can decode to gigabytes. */
export const MAX_IMAGE_PIXELS = 40_000_000;
