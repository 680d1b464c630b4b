import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { distance } from "fastest-levenshtein";
import { editDistance, nearestName, nearestNames } from "./suggest";

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

  it("measures the edit distance as fastest-levenshtein does", () => {
    const text = fc.oneof(fc.string({ maxLength: 40 }), fc.stringMatching(/^[ab]{0,12}$/), fc.string({ unit: "binary", maxLength: 20 }));
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(editDistance(a, b)).toBe(distance(a, b));
      }),
      { numRuns: 2_000 },
    );
  });

  it("finds the same names as comparing the distance to every candidate", () => {
    // The reference has no shortcut: every candidate's distance is computed.
    const reference = (name: string, candidates: readonly string[], substrings: boolean) => {
      if (name.length > 240) return [];
      const normal = (text: string) => text.toLowerCase().replace(/[-_\s]/g, "");
      const wanted = normal(name);
      const allowed = wanted.length <= 3 ? 1 : Math.max(2, Math.floor(wanted.length / 3));
      return candidates
        .filter((c) => c !== name && c.length <= 240)
        .map((candidate) => {
          const other = normal(candidate);
          const contains = substrings && wanted !== "" && (other.includes(wanted) || wanted.includes(other));
          return { candidate, d: other === wanted || contains ? 0 : distance(wanted, other) };
        })
        .filter((n) => n.d <= allowed)
        .sort((a, b) => a.d - b.d || (a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0))
        .slice(0, 3)
        .map((n) => n.candidate);
    };
    const word = fc.oneof(fc.string({ maxLength: 12 }), fc.stringMatching(/^[a-cA-C_ -]{0,10}$/), fc.constantFrom("title", "titel", "key_factors", "keyFactors", "a"));
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 10 }), fc.boolean(), (name, candidates, substrings) => {
        expect(nearestNames(name, candidates, { substrings })).toEqual(reference(name, candidates, substrings));
      }),
      { numRuns: 1_000 },
    );
  });
});
