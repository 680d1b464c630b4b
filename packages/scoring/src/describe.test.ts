import { describe, expect, it } from "vitest";
import { describeModel } from "./describe";
import { threshold } from "./models/threshold";
import { weightedMean } from "./models/weighted-mean";

describe("describeModel", () => {
  it("gives the defaults a model runs with", () => {
    expect(describeModel(threshold).defaults).toEqual({ threshold: 50, coverageThreshold: 0.5, parentAnswerWeight: 1 });
  });

  it("gives the parameters as JSON Schema with their limits", () => {
    const schema = describeModel(weightedMean).parameters as { properties: Record<string, { minimum?: number; maximum?: number }> };
    expect(schema.properties["coverageThreshold"]).toMatchObject({ minimum: 0, maximum: 1 });
    expect(Object.keys(schema.properties)).toEqual(["coverageThreshold", "parentAnswerWeight", "bands"]);
  });
});
