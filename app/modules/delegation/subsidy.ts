/**
 * What the city pays towards a firm's booth: its share of the booth fee, up
 * to the cap per firm. Pure; amounts in yuan, rounded to the fen.
 */
export interface BoothType {
  code: string;
  name: string;
  widthM: number;
  depthM: number;
  feeCny: number;
}

export function boothTypesOf(stored: unknown): BoothType[] {
  if (!Array.isArray(stored)) return [];
  return stored
    .filter((entry): entry is Record<string, unknown> => !!entry && typeof entry === "object")
    .map((entry) => ({
      code: String(entry.code ?? ""),
      name: String(entry.name ?? ""),
      widthM: Number(entry.widthM) || 0,
      depthM: Number(entry.depthM) || 0,
      feeCny: Number(entry.feeCny) || 0,
    }))
    .filter((booth) => booth.code);
}

export function expectedSubsidy(feeCny: number, sharePercent: number, capCny: number): number {
  if (!(feeCny > 0) || !(sharePercent > 0)) return 0;
  const share = (feeCny * Math.min(sharePercent, 100)) / 100;
  const capped = capCny > 0 ? Math.min(share, capCny) : share;
  return Math.round(capped * 100) / 100;
}
