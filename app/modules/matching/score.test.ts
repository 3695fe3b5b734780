import { describe, expect, it } from "vitest";
import {
  hsRelation,
  isRelevantMatch,
  MATCH_WEIGHTS,
  requestHsLevels,
  scoreFirm,
  scoreMatch,
  type MatchProduct,
  type MatchRequest,
  type ReasonCode,
} from "./score";
import { demoRequest } from "./score.fixtures";

const request = demoRequest;

/** A product that meets every part of it. */
const perfect: MatchProduct = {
  hsCode: "940511",
  textScore: 1,
  certifications: ["CE", "INMETRO", "RoHS"],
  moq: 200,
  moqUnit: "pieces",
  priceMinUsd: 12.5,
  markets: ["BR", "PT", "AO"],
  languages: ["zh", "en", "pt"],
  verified: true,
  quality: 100,
};

const codes = (product: Partial<MatchProduct>, against: MatchRequest = request) => scoreMatch(against, { ...perfect, ...product }).reasons.map((reason) => reason.code);
const reason = (product: Partial<MatchProduct>, code: ReasonCode, against: MatchRequest = request) =>
  scoreMatch(against, { ...perfect, ...product }).reasons.find((entry) => entry.code === code);

describe("the weights", () => {
  it("add up to 100 for a perfect match, and a perfect match scores 100", () => {
    const w = MATCH_WEIGHTS;
    expect(w.hsExact + w.text + w.certAll + w.moqOk + w.priceOk + w.marketDestination + w.languageFirst + w.verified + w.profile).toBe(100);
    expect(scoreMatch(request, perfect).score).toBe(100);
  });
});

describe("scoreMatch", () => {
  it("ranks a 6-digit HS match above a 4-digit one above a 2-digit one, all else equal", () => {
    const exact = scoreMatch(request, perfect);
    const heading = scoreMatch(request, { ...perfect, hsCode: "940542" });
    const chapter = scoreMatch(request, { ...perfect, hsCode: "940310" });
    expect(exact.score).toBeGreaterThan(heading.score);
    expect(heading.score).toBeGreaterThan(chapter.score);
    expect([exact.hs, heading.hs, chapter.hs]).toEqual(["exact", "heading", "chapter"]);
    expect(exact.reasons.find((entry) => entry.code === "hs.exact")?.params).toMatchObject({ code: "940511" });
    expect(heading.reasons.find((entry) => entry.code === "hs.heading")?.params).toMatchObject({ code: "9405", requested: "940511" });
    expect(chapter.reasons.find((entry) => entry.code === "hs.chapter")?.params).toMatchObject({ code: "94" });
    expect(codes({ hsCode: "851660" })).not.toContain("hs.chapter");
  });

  it("counts a product within a requested heading as exact", () => {
    expect(hsRelation(["9405"], "940511")).toEqual({ relation: "exact", code: "9405" });
    expect(hsRelation(["940511", "9405"], "940542")).toEqual({ relation: "exact", code: "9405" });
    expect(hsRelation(["940511"], "9405")).toEqual({ relation: "heading", code: "940511" });
    expect(hsRelation(["940511"], "not-a-code")).toBeNull();
  });

  it("lowers the score for a missing required certification and names it", () => {
    const both = scoreMatch(request, perfect);
    const ceOnly = scoreMatch(request, { ...perfect, certifications: ["CE"] });
    const none = scoreMatch(request, { ...perfect, certifications: [] });
    expect(both.score).toBeGreaterThan(ceOnly.score);
    expect(ceOnly.score).toBeGreaterThan(none.score);
    expect(both.reasons.find((entry) => entry.code === "cert.all")?.params.codes).toEqual(["CE", "INMETRO"]);
    expect(ceOnly.reasons.find((entry) => entry.code === "cert.partial")?.params.codes).toEqual(["CE"]);
    const missing = ceOnly.reasons.find((entry) => entry.code === "cert.missing");
    expect(missing?.params.codes).toEqual(["INMETRO"]);
    expect(missing?.points).toBeLessThan(0);
    expect(none.reasons.find((entry) => entry.code === "cert.missing")?.params.codes).toEqual(["CE", "INMETRO"]);
    // A missing certificate costs more than the certificate's share is worth.
    expect(both.score - ceOnly.score).toBeGreaterThan(MATCH_WEIGHTS.certAll / 2);
  });

  it("says nothing about certifications when none are required", () => {
    expect(codes({}, { ...request, requiredCertifications: [] }).filter((code) => code.startsWith("cert."))).toEqual([]);
  });

  it("rewards an MOQ within the quantity and penalises one above it, more the further above", () => {
    expect(reason({ moq: 200 }, "moq.ok")?.params).toMatchObject({ moq: 200, quantity: 500 });
    const slightly = scoreMatch(request, { ...perfect, moq: 550 });
    const far = scoreMatch(request, { ...perfect, moq: 5000 });
    expect(slightly.reasons.find((entry) => entry.code === "moq.high")?.params).toMatchObject({ moq: 550, quantity: 500 });
    expect(scoreMatch(request, perfect).score).toBeGreaterThan(slightly.score);
    expect(slightly.score).toBeGreaterThan(far.score);
    expect(far.reasons.find((entry) => entry.code === "moq.high")?.points).toBe(-MATCH_WEIGHTS.moqHigh);
  });

  it("does not compare quantities in different units, or unknown ones", () => {
    expect(codes({ moqUnit: "sets", moq: 5000 }).some((code) => code.startsWith("moq."))).toBe(false);
    expect(codes({ moq: null }).some((code) => code.startsWith("moq."))).toBe(false);
    expect(codes({}, { ...request, quantity: null }).some((code) => code.startsWith("moq."))).toBe(false);
  });

  it("rewards a lowest FOB price at or below the target and penalises one above", () => {
    expect(reason({ priceMinUsd: 25 }, "price.ok")?.params).toMatchObject({ price: 25, target: 25 });
    const dear = scoreMatch(request, { ...perfect, priceMinUsd: 40 });
    expect(dear.reasons.find((entry) => entry.code === "price.high")?.params).toMatchObject({ price: 40, target: 25 });
    expect(dear.score).toBeLessThan(scoreMatch(request, perfect).score - MATCH_WEIGHTS.priceOk);
    expect(codes({}, { ...request, targetPriceUsd: null }).some((code) => code.startsWith("price."))).toBe(false);
  });

  it("prefers a firm that already exports to the destination, then to the buyer's country", () => {
    const toAngola = { ...request, destinationCountry: "AO" };
    expect(reason({ markets: ["AO"] }, "market.served", toAngola)?.params).toEqual({ country: "AO" });
    expect(reason({ markets: ["BR"] }, "market.served", toAngola)?.params).toEqual({ country: "BR" });
    const destination = scoreMatch(toAngola, { ...perfect, markets: ["AO"] }).score;
    const home = scoreMatch(toAngola, { ...perfect, markets: ["BR"] }).score;
    const neither = scoreMatch(toAngola, { ...perfect, markets: ["US"] }).score;
    expect(destination).toBeGreaterThan(home);
    expect(home).toBeGreaterThan(neither);
  });

  it("names Portuguese when the sales team speaks it, and values the buyer's first language most", () => {
    expect(reason({ languages: ["zh", "en", "pt"] }, "language.common")?.params.languages).toEqual(["pt", "en"]);
    const portuguese = scoreMatch(request, { ...perfect, languages: ["zh", "pt"] }).score;
    const english = scoreMatch(request, { ...perfect, languages: ["zh", "en"] }).score;
    const chinese = scoreMatch(request, { ...perfect, languages: ["zh"] }).score;
    expect(portuguese).toBeGreaterThan(english);
    expect(english).toBeGreaterThan(chinese);
    expect(codes({ languages: ["zh"] })).not.toContain("language.common");
  });

  it("adds text relevance, verification and profile completeness", () => {
    expect(scoreMatch(request, perfect).score).toBeGreaterThan(scoreMatch(request, { ...perfect, textScore: 0.2 }).score);
    expect(codes({ textScore: 0.2 })).not.toContain("text.match");
    expect(reason({ textScore: 0.9 }, "text.match")?.params).toEqual({ percent: 90 });
    expect(scoreMatch(request, perfect).score).toBeGreaterThan(scoreMatch(request, { ...perfect, verified: false }).score);
    expect(codes({ verified: false })).not.toContain("verified");
    expect(reason({ quality: 85 }, "profile.complete")?.params).toEqual({ percent: 85 });
    expect(codes({ quality: 60 })).not.toContain("profile.complete");
    expect(scoreMatch(request, { ...perfect, quality: 100 }).score).toBeGreaterThan(scoreMatch(request, { ...perfect, quality: 0 }).score);
  });

  it("keeps the score within 0–100 and lists the strongest reasons first", () => {
    const awful = scoreMatch(request, { ...perfect, hsCode: "610910", textScore: 0, certifications: [], moq: 100_000, priceMinUsd: 500, markets: [], languages: [], verified: false, quality: 0 });
    expect(awful.score).toBe(0);
    const { reasons } = scoreMatch(request, perfect);
    expect(reasons[0].code).toBe("hs.exact");
    const sizes = reasons.map((entry) => Math.abs(entry.points));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it("tolerates a text score outside 0–1", () => {
    expect(scoreMatch(request, { ...perfect, textScore: 7 }).score).toBe(100);
    expect(scoreMatch(request, { ...perfect, textScore: Number.NaN }).score).toBe(100 - MATCH_WEIGHTS.text);
  });
});

describe("isRelevantMatch", () => {
  it("keeps heading-level matches and clearly worded ones, drops chapter-level noise", () => {
    const chapter = { ...perfect, hsCode: "940310", textScore: 0.05 };
    expect(isRelevantMatch(scoreMatch(request, chapter), chapter.textScore)).toBe(false);
    expect(isRelevantMatch(scoreMatch(request, { ...chapter, textScore: 0.8 }), 0.8)).toBe(true);
    expect(isRelevantMatch(scoreMatch(request, { ...perfect, hsCode: "940542", textScore: 0 }), 0)).toBe(true);
  });
});

describe("requestHsLevels", () => {
  it("gives each code's heading and chapter once, and ignores anything that is not a code", () => {
    expect(requestHsLevels(["940511", "940542", "8516", "94 05", "9405\" OR public = false"])).toEqual({
      codes: ["940511", "940542", "8516"],
      headings: ["9405", "8516"],
      chapters: ["94", "85"],
    });
  });
});

describe("scoreFirm", () => {
  it("scores a firm by its best product plus a little for each other matching product, up to a limit", () => {
    const best = scoreMatch(request, { ...perfect, quality: 0 });
    const weaker = scoreMatch(request, { ...perfect, hsCode: "940542", quality: 0 });
    const single = scoreFirm([{ id: "a", result: best }]);
    expect(single).toMatchObject({ best: "a", score: best.score, products: ["a"] });
    expect(single?.reasons.map((entry) => entry.code)).not.toContain("firm.products");
    const range = scoreFirm([
      { id: "b", result: weaker },
      { id: "a", result: best },
      { id: "c", result: weaker },
      { id: "d", result: weaker },
      { id: "e", result: weaker },
    ]);
    expect(range?.best).toBe("a");
    expect(range?.score).toBe(best.score + MATCH_WEIGHTS.firmExtraProductsMax * MATCH_WEIGHTS.firmExtraProduct);
    expect(range?.reasons.find((entry) => entry.code === "firm.products")?.params).toEqual({ count: 5 });
    expect(scoreFirm([])).toBeNull();
  });
});
