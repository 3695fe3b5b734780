import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { takeHit, takeHits, type Limit } from "~/utils/rate-limit.server";

/** The rate limiter under concurrent requests: exactly `max` get through. */
const limit: Limit = { bucket: "test:concurrent", max: 5, windowMs: 60_000 };

describe("the rate limiter", () => {
  it("lets exactly the limit through when hits arrive at the same time", async () => {
    const allowed = await Promise.all(Array.from({ length: 20 }, () => takeHit(limit, "same-key")));
    expect(allowed.filter(Boolean)).toHaveLength(5);
    expect(await prisma.rateLimitHit.count({ where: { bucket: limit.bucket, key: "same-key" } })).toBe(5);
    // Another key has its own count.
    expect(await takeHit(limit, "other-key")).toBe(true);
  });

  it("takes hits from several limits all or none, and gives them back", async () => {
    const small: Limit = { bucket: "test:small", max: 1, windowMs: 60_000 };
    const large: Limit = { bucket: "test:large", max: 10, windowMs: 60_000 };
    const results = await Promise.all(Array.from({ length: 6 }, () => takeHits([{ limit: large, key: "k" }, { limit: small, key: "k" }])));
    expect(results.filter((taken) => taken !== null)).toHaveLength(1);
    // The refused attempts took nothing from the large limit.
    expect(await prisma.rateLimitHit.count({ where: { bucket: large.bucket } })).toBe(1);
    await results.find((taken) => taken !== null)!.release();
    expect(await prisma.rateLimitHit.count({ where: { bucket: { in: [small.bucket, large.bucket] } } })).toBe(0);
    expect(await takeHits([{ limit: small, key: "k" }])).not.toBeNull();
  });

  it("counts only the hits inside the window", async () => {
    const hourly: Limit = { bucket: "test:window", max: 2, windowMs: 60 * 60 * 1000 };
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    expect(await takeHit(hourly, "w", twoHoursAgo)).toBe(true);
    expect(await takeHit(hourly, "w", twoHoursAgo)).toBe(true);
    expect(await takeHit(hourly, "w", twoHoursAgo)).toBe(false);
    expect(await takeHit(hourly, "w")).toBe(true);
    expect(await takeHit(hourly, "w")).toBe(true);
    expect(await takeHit(hourly, "w")).toBe(false);
  });
});
