import { MATURITY_SCALE } from "@cohesion/model";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answeredArb, assessmentFor } from "../../test/arbitraries";
import { buildScoreTree as referenceTree } from "../../test/reference-tree";
import { buildScoreTree, type Combine, type TreeRules } from "./aggregate";
import { DEFAULT_BANDS } from "./parameters";
import { planBenchmark } from "./plan";
import { normaliseScale } from "./scale";

const combineArb = fc.constantFrom<Combine>("weighted-mean", "minimum");
const rulesArb: fc.Arbitrary<TreeRules> = fc.record({
  useWeights: fc.boolean(),
  coverageThreshold: fc.constantFrom(0, 0.3, 0.5, 2 / 3, 1),
  parentAnswerWeight: fc.constantFrom(0, 1, 2.5),
  bands: fc.constant(DEFAULT_BANDS),
  combine: fc.record({ question: combineArb, keyFactor: combineArb, section: combineArb, overall: combineArb }),
  explain: fc.boolean(),
  detail: fc.constantFrom<"questions" | "key-factors">("questions", "key-factors"),
});

describe("buildScoreTree", () => {
  it("writes exactly the tree the step-by-step builder wrote, number for number and key for key", () => {
    const points = normaliseScale(MATURITY_SCALE).scale?.points as ReadonlyMap<string, number>;
    fc.assert(
      fc.property(answeredArb, rulesArb, fc.nat(), ([benchmark, given], rules, pick) => {
        const plan = planBenchmark(benchmark).plan;
        if (!plan) throw new Error("the generated benchmark does not plan");
        // Now and then a level off the scale, which only a direct caller can pass.
        const levels = given.map((level, i) => (pick % 3 === 0 && i === pick % given.length ? "off-the-scale" : level));
        const answers = assessmentFor(benchmark, levels).answers;
        const fast = buildScoreTree(plan, answers, points, rules);
        const reference = referenceTree(plan, answers, points, rules);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
        expect(fast).toStrictEqual(reference);
      }),
      { numRuns: 400 },
    );
  });
});
