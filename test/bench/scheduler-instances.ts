import type { ScheduleInput } from "~/modules/meeting/schedule-input";
import { mulberry32 } from "~/utils/random";

/**
 * Seeded generator of realistic scheduler inputs (issue 10, item 9): firms
 * speaking Chinese and mostly English, buyers speaking Portuguese, English or
 * Spanish (about one pair in six needs an interpreter), 10–20 % remote buyers
 * in Brasília, Lisbon, Luanda, Maputo and Dili time, mutual requests heavier,
 * everyone available in 60–100 % of the slots. Days run 09:00–12:00 and
 * 13:30–17:30 at the fair in Macao, with evening slots for the Americas.
 */
export interface InstanceSize {
  firms: number;
  buyers: number;
  requests: number;
  days: number;
  slotsPerDay: number;
  tables: number;
  interpreters: number;
  seed: number;
  firmCap?: number;
  buyerCap?: number;
}

export const MIF_SIZE: InstanceSize = { firms: 300, buyers: 600, requests: 6000, days: 2, slotsPerDay: 16, tables: 60, interpreters: 8, seed: 2026, firmCap: 12, buyerCap: 10 };

const REMOTE_ZONES = ["America/Sao_Paulo", "Europe/Lisbon", "Africa/Luanda", "Africa/Maputo", "Asia/Dili"];
// Half-hour starts at the fair (Macao, +08:00): morning, afternoon, then evening slots.
const DAY_STARTS = ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "13:30", "14:00", "14:30", "15:00", "15:30", "16:00", "16:30", "17:00", "20:00", "20:30"];

function pick<T>(random: () => number, weighted: [T, number][]): T {
  let u = random() * weighted.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of weighted) {
    u -= w;
    if (u < 0) return value;
  }
  return weighted[weighted.length - 1][0];
}

function slotsOf(days: number, perDay: number) {
  const slots: ScheduleInput["slots"] = [];
  for (let d = 0; d < days; d++) {
    const date = `2026-10-${String(22 + d).padStart(2, "0")}`;
    for (let k = 0; k < perDay; k++) {
      // Beyond the 16 standard starts, further half hours follow the last one.
      const base = DAY_STARTS[Math.min(k, DAY_STARTS.length - 1)];
      const minutes = Number(base.slice(0, 2)) * 60 + Number(base.slice(3)) + Math.max(0, k - DAY_STARTS.length + 1) * 30;
      const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
      slots.push({ id: `d${d + 1}-${String(k + 1).padStart(2, "0")}`, start: `${date}T${hhmm(minutes)}:00+08:00`, end: `${date}T${hhmm(minutes + 25)}:00+08:00` });
    }
  }
  return slots;
}

function availability(random: () => number, slotIds: string[], low = 0.6) {
  const share = low + random() * (1 - low);
  const chosen = slotIds.filter(() => random() < share);
  return chosen.length ? chosen : [slotIds[Math.floor(random() * slotIds.length)]];
}

export function generateInstance(size: InstanceSize): ScheduleInput {
  const random = mulberry32(size.seed);
  const slots = slotsOf(size.days, size.slotsPerDay);
  const slotIds = slots.map((slot) => slot.id);
  const width = String(Math.max(size.firms, size.buyers)).length;
  const participants: ScheduleInput["participants"] = [];
  for (let f = 0; f < size.firms; f++) {
    const languages = pick<string[]>(random, [[["zh", "en"], 82], [["zh", "pt"], 12], [["zh"], 6]]);
    participants.push({ id: `F${String(f + 1).padStart(width, "0")}`, languages, slots: availability(random, slotIds), maxMeetings: size.firmCap ?? 12 });
  }
  const remoteShare = 0.1 + random() * 0.1;
  const remoteBuyers = new Set<number>();
  for (let b = 0; b < size.buyers; b++) {
    const languages = pick<string[]>(random, [[["en"], 30], [["pt", "en"], 45], [["pt"], 9], [["es", "en"], 12], [["es"], 4]]);
    const remote = random() < remoteShare;
    if (remote) remoteBuyers.add(b);
    participants.push({
      id: `B${String(b + 1).padStart(width, "0")}`,
      languages,
      slots: availability(random, slotIds),
      maxMeetings: size.buyerCap ?? 10,
      ...(remote ? { timeZone: REMOTE_ZONES[Math.floor(random() * REMOTE_ZONES.length)] } : {}),
    });
  }
  const interpreters: ScheduleInput["interpreters"] = [];
  for (let i = 0; i < size.interpreters; i++) {
    const languages = i % 8 === 7 ? ["zh", "es", "en"] : i % 4 === 3 ? ["zh", "pt", "en"] : ["zh", "pt"];
    interpreters.push({ id: `I${i + 1}`, languages, slots: availability(random, slotIds, 0.8) });
  }
  const requests: ScheduleInput["requests"] = [];
  const pairs = new Set<number>();
  const maxPairs = size.firms * size.buyers;
  let attempts = 0;
  while (requests.length < Math.min(size.requests, maxPairs) && attempts++ < size.requests * 50) {
    // Some firms are far more wanted than others.
    const f = Math.floor(size.firms * random() ** 1.6);
    const b = Math.floor(size.buyers * random());
    if (pairs.has(f * size.buyers + b)) continue;
    pairs.add(f * size.buyers + b);
    const mutual = random() < 0.15;
    const score = Math.floor(random() * 3);
    const [a, other] = random() < 0.7 ? [size.firms + b, f] : [f, size.firms + b];
    requests.push({ id: `R${String(requests.length + 1).padStart(5, "0")}`, a: participants[a].id, b: participants[other].id, weight: mutual ? 4 + score : 1 + score, remote: remoteBuyers.has(b) });
  }
  const tables = Array.from({ length: size.tables }, (_, t) => `T${String(t + 1).padStart(2, "0")}`);
  return { slots, tables, interpreters, participants, requests, locked: [] };
}
