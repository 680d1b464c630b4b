import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreOrder, sortScores } from "./statistics";

describe("scoreOrder", () => {
  it("lists the positions of the scores lowest first, leaving out NaN", () => {
    const score = fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constantFrom(NaN, 0, 25, 50, 100, 33.333333333333336, 33.33333333333333), fc.double({ min: -5, max: 0, noNaN: true }));
    fc.assert(
      fc.property(fc.array(score, { maxLength: 400 }), (values) => {
        const column = Float64Array.from(values);
        const order = Array.from(scoreOrder(column));
        expect(order.length).toBe(values.filter((v) => !Number.isNaN(v)).length);
        expect(new Set(order).size).toBe(order.length);
        const scores = order.map((i) => column[i] as number);
        for (let i = 1; i < scores.length; i++) expect((scores[i - 1] as number) <= (scores[i] as number)).toBe(true);
        // The sorted scores come with the order: the same numbers, bit for bit (-0 included).
        const sorted = sortScores(column);
        expect(Array.from(sorted.order)).toEqual(order);
        expect(Array.from(sorted.values)).toEqual(scores);
      }),
      { numRuns: 300 },
    );
    expect(Array.from(scoreOrder(Float64Array.of(50, NaN, 0, 100)))).toEqual([2, 0, 3]);
  });
});
