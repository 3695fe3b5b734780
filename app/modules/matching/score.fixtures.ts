import type { MatchRequest } from "./score";

/** The demo buyer's request, for the matching tests: LED ceiling lights, 500 pieces at 25 USD, CE and INMETRO, to Brazil. */
export const demoRequest: MatchRequest = {
  hsCodes: ["940511"],
  quantity: 500,
  unit: "pieces",
  targetPriceUsd: 25,
  requiredCertifications: ["CE", "INMETRO"],
  destinationCountry: "BR",
  buyerCountry: "BR",
  buyerLanguages: ["pt", "en"],
};
