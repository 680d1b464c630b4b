import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortScores } from "./statistics";

describe("sortScores", () => {
  it("puts scores in the order a numeric sort does, ties, zeros and all", () => {
    const score = fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constantFrom(0, -0, 100, 50, 1e-300, 33.333333333333336, 33.33333333333333));
    fc.assert(
      fc.property(fc.array(score, { maxLength: 400 }), (values) => {
        const expected = [...values].sort((a, b) => a - b);
        const sorted = Array.from(sortScores(Float64Array.from(values)));
        expect(sorted.map((v) => v === 0 ? 0 : v)).toEqual(expected.map((v) => v === 0 ? 0 : v));
      }),
      { numRuns: 300 },
    );
  });

  it("sorts thousands of scores", () => {
    const values = Float64Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 5003) / 50.03);
    const sorted = sortScores(values.slice());
    expect(Array.from(sorted)).toEqual(Array.from(values).sort((a, b) => a - b));
  });
});
