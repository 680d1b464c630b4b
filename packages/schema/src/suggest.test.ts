import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { nearestName, nearestNames } from "./suggest";

describe("nearestName", () => {
  it("finds a likely typo", () => {
    expect(nearestName("titel", ["id", "title", "statement"])).toBe("title");
    expect(nearestName("benchmrk", ["framework", "benchmark", "scale"])).toBe("benchmark");
  });

  it("matches across case and separators", () => {
    expect(nearestName("key_factors", ["keyFactors", "id"])).toBe("keyFactors");
  });

  it("offers nothing when no candidate is close", () => {
    expect(nearestName("zzzzzz", ["title", "id"])).toBeUndefined();
    expect(nearestName("x".repeat(10_000), ["title"])).toBeUndefined();
    expect(nearestName("title", [])).toBeUndefined();
  });
});

describe("nearestNames", () => {
  it("lists up to three near names, nearest first, ties in name order", () => {
    expect(nearestNames("plase", ["place", "phase", "scale", "practice"])).toEqual(["phase", "place"]);
    expect(nearestNames("plase", ["place", "phase", "scale"], { max: 1 })).toEqual(["phase"]);
  });

  it("counts containment as near only when asked", () => {
    const known = ["eurocities.neighbourhood-participation", "inclucities.city-for-all"];
    expect(nearestNames("eurocities", known)).toEqual([]);
    expect(nearestNames("eurocities", known, { substrings: true })).toEqual(["eurocities.neighbourhood-participation"]);
  });

  it("never suggests the name itself, and answers any strings without throwing", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.array(fc.string({ maxLength: 300 }), { maxLength: 8 }), (name, candidates) => {
        const near = nearestNames(name, candidates, { substrings: true });
        expect(near.length).toBeLessThanOrEqual(3);
        expect(near).not.toContain(name);
        for (const n of near) expect(candidates).toContain(n);
      }),
    );
  });
});
