import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeModel } from "./describe";
import { defineScoringModel } from "./model";
import { bandsSchema, DEFAULT_BANDS, numberParameter, parameterObject } from "./parameters";
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

describe("describeModel of a third-party model", () => {
  const base = { id: "acme.mine", version: "1.0.0", title: "Mine", description: "…", score: (): never => { throw new Error("not scored here"); } };

  it("describes a zod schema through its Standard JSON Schema", () => {
    const model = defineScoringModel({ ...base, parameters: z.strictObject({ depth: z.number().min(1).max(9).default(3) }) });
    const described = describeModel(model);
    expect(described.parameters).toMatchObject({ type: "object", properties: { depth: { minimum: 1, maximum: 9, default: 3 } } });
    expect(described.defaults).toEqual({ depth: 3 });
  });

  it("gives no JSON Schema for a bare safeParse object, but its defaults", () => {
    const model = defineScoringModel({ ...base, parameters: { safeParse: () => ({ success: true as const, data: { x: 1 } }) } });
    expect(describeModel(model)).toMatchObject({ parameters: undefined, defaults: { x: 1 } });
  });
});

describe("parameter specs", () => {
  const spec = parameterObject({ threshold: numberParameter({ min: 0, max: 100, default: 50 }), bands: bandsSchema });

  it("fill defaults, with a fresh copy of the default bands", () => {
    const parsed = spec.parse({});
    expect(parsed).toEqual({ threshold: 50, bands: DEFAULT_BANDS });
    expect(parsed.bands).not.toBe(DEFAULT_BANDS);
  });

  it("report each problem at its path, and refuse unknown fields", () => {
    const parsed = spec.safeParse({ threshold: "high", bands: [{ id: "Low", label: "", min: 5, extra: 1 }], treshold: 1 });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(parsed.error.issues.map((i) => i.path)).toEqual([["threshold"], ["bands", 0, "id"], ["bands", 0, "label"], ["bands", 0], []]);
  });

  it("check the bands as a whole once each band is well formed", () => {
    const parsed = bandsSchema.safeParse([{ id: "a", label: "A", min: 10 }, { id: "a", label: "B", min: 5 }]);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.path)).toEqual([[0, "min"], [1, "id"], [1, "min"]]);
  });

  it("implement Standard Schema", () => {
    expect(spec["~standard"].validate({ threshold: 101 })).toMatchObject({ issues: [{ path: ["threshold"] }] });
    expect(spec["~standard"].jsonSchema.input({ target: "draft-2020-12" })).toMatchObject({ $schema: "https://json-schema.org/draft/2020-12/schema", additionalProperties: false });
  });
});
