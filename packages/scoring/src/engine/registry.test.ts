import { describe, expect, it } from "vitest";
import { z } from "zod";
import { assessment, benchmark } from "../../test/fixtures";
import { defineScoringModel } from "./model";
import { DEFAULT_BANDS } from "./parameters";
import { createModelRegistry } from "./registry";
import { scoreAssessment } from "./score";

const strictest = defineScoringModel({
  id: "acme.strictest",
  version: "1.0.0",
  title: "Strictest",
  description: "The weakest answer decides at every level.",
  parameters: z.strictObject({ coverageThreshold: z.number().min(0).max(1).default(1) }),
  score(_a, _b, context) {
    const all = "minimum" as const;
    return context.report(
      context.buildTree({
        useWeights: false,
        parentAnswerWeight: 1,
        bands: DEFAULT_BANDS,
        coverageThreshold: context.parameters.coverageThreshold,
        combine: { question: all, keyFactor: all, section: all, overall: all },
      }),
    );
  },
});

describe("model registry", () => {
  it("holds the built-in models and a plugin's model, which then scores by id", () => {
    const registry = createModelRegistry();
    expect(registry.list().map((m) => m.id)).toEqual(["cohesion.weighted-mean", "cohesion.threshold", "cohesion.equal-average"]);
    const added = registry.register(strictest);
    expect(added.ok).toBe(true);
    const answers = Object.fromEntries(["q-a1", "q-a2", "q-b1", "q-b1a", "q-b1b", "q-b2", "q-c1", "q-c2", "q-c3"].map((q) => [q, "full"]));
    const result = scoreAssessment(assessment({ ...answers, "q-c3": "planned" }), benchmark, { model: "acme.strictest", models: registry.list() });
    // The weakest answer, planned = 25, decides everything.
    expect(result.ok && [result.report.overall.score, result.report.model.id]).toEqual([25, "acme.strictest"]);
    if (added.ok) added.report.dispose();
    expect(registry.get("acme.strictest")).toBeUndefined();
  });

  it("refuses a taken id, naming the model that has it, and a model of the wrong shape", () => {
    const registry = createModelRegistry();
    const clash = registry.register({ ...strictest, id: "cohesion.threshold" });
    expect(!clash.ok && clash.errors.errors[0]?.message).toContain('already taken by "Threshold" 1.0.0');
    const bad = registry.register({ id: "Bad Id", version: "1", title: "", parameters: {}, score: 3 });
    expect(!bad.ok && bad.errors.errors.map((e) => e.pointer)).toEqual(["/id", "/version", "/title", "/description", "/parameters", "/score"]);
  });
});
