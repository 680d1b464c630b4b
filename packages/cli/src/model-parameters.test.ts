import { threshold, weightedMean } from "@cohesion/scoring";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parametersFromFlags } from "./model-parameters";

describe("parametersFromFlags", () => {
  it("reads name=value as JSON when it parses, else as text", () => {
    expect(parametersFromFlags(["threshold=60", "coverageThreshold=0.25"], threshold)).toEqual({ parameters: { threshold: 60, coverageThreshold: 0.25 }, problems: [] });
    const bands = '[{"id":"low","label":"Low","min":0},{"id":"high","label":"High","min":40}]';
    expect(parametersFromFlags([`bands=${bands}`], weightedMean).parameters).toEqual({ bands: JSON.parse(bands) });
  });

  it("names an unknown parameter, suggests the closest and lists what the model takes", () => {
    const { problems } = parametersFromFlags(["treshold=60"], threshold);
    expect(problems).toEqual([
      expect.objectContaining({
        code: "unknown_param",
        pointer: "/treshold",
        message: expect.stringContaining('model cohesion.threshold has no parameter "treshold" (did you mean "threshold"?) — its parameters: threshold (a number from 0 to 100, default 50)'),
      }),
    ]);
  });

  it("refuses a value the model does not accept, saying what it accepts", () => {
    const { problems } = parametersFromFlags(["threshold=high"], threshold);
    expect(problems[0]?.code).toBe("invalid_param_value");
    expect(problems[0]?.message).toContain("--param threshold=high:");
    expect(problems[0]?.message).toContain("allowed: a number from 0 to 100, default 50");
  });

  it("answers any flags with known parameters or problems, never a throw", () => {
    const known = ["threshold", "coverageThreshold", "parentAnswerWeight"];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.tuple(fc.constantFrom(...known), fc.string()).map(([n, v]) => `${n}=${v}`)), { maxLength: 5 }), (flags) => {
        const read = parametersFromFlags(flags, threshold);
        for (const name of Object.keys(read.parameters)) expect(known).toContain(name);
        for (const problem of read.problems) expect(["invalid_param_flag", "unknown_param", "invalid_param_value"]).toContain(problem.code);
        // Every flag is read or refused: as many parameters and problems as flags, less names given again.
        const names = new Set(flags.filter((f) => f.indexOf("=") > 0).map((f) => f.slice(0, f.indexOf("=")).trim()));
        expect(Object.keys(read.parameters).length + read.problems.length).toBeGreaterThanOrEqual(Math.min(flags.length, names.size));
        expect(Object.keys(read.parameters).length + read.problems.length).toBeLessThanOrEqual(flags.length);
      }),
    );
  });
});
