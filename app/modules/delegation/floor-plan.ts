import type { Booth } from "./booths";

/**
 * The floor plan the organiser gives the bureau, typed or pasted one booth a
 * line: "A12, A, STD" (booth number, zone, booth type code; commas, tabs or
 * spaces between). Pure: the page shows each bad line with its problem.
 */
export const MAX_FLOOR_PLAN_BOOTHS = 2_000;
const TOKEN = /^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/;

export type FloorPlanProblem = { line: number; code: "format" | "unknownType" | "duplicate" } | { line: 0; code: "tooMany" };

export function parseFloorPlan(text: string, boothTypeCodes: readonly string[]): { booths: Booth[]; problems: FloorPlanProblem[] } {
  const booths: Booth[] = [];
  const problems: FloorPlanProblem[] = [];
  const seen = new Set<string>();
  const types = new Map(boothTypeCodes.map((code) => [code.toUpperCase(), code]));
  const lines = text.split(/\r?\n/);
  if (lines.filter((line) => line.trim()).length > MAX_FLOOR_PLAN_BOOTHS) return { booths: [], problems: [{ line: 0, code: "tooMany" }] };
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim()) return;
    const parts = raw.trim().split(/[\s,;，；]+/);
    if (parts.length !== 3 || !parts.every((part) => TOKEN.test(part))) return problems.push({ line, code: "format" });
    const [number, zone, type] = parts;
    const boothTypeCode = types.get(type.toUpperCase());
    if (!boothTypeCode) return problems.push({ line, code: "unknownType" });
    const key = number.toUpperCase();
    if (seen.has(key)) return problems.push({ line, code: "duplicate" });
    seen.add(key);
    booths.push({ number: key, zone: zone.toUpperCase(), boothTypeCode });
  });
  return { booths, problems };
}

export function floorPlanText(booths: readonly Booth[]): string {
  return booths.map((booth) => `${booth.number}, ${booth.zone}, ${booth.boothTypeCode}`).join("\n");
}

/** The stored floor plan, read defensively (bad entries dropped). */
export function storedFloorPlan(value: unknown): Booth[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (entry): entry is Booth => !!entry && typeof entry === "object" && typeof entry.number === "string" && typeof entry.zone === "string" && typeof entry.boothTypeCode === "string",
  );
}

/** The subsidy a firm may receive: its booth fee times the city's share, capped per firm. */
export function subsidyCeiling(boothFeeCny: number, sharePercent: number, capCny: number): number {
  const share = Math.round(boothFeeCny * sharePercent) / 100;
  return Math.max(0, Math.min(share, capCny));
}
