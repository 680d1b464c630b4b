import { describe, expect, it } from "vitest";
import { assessment, benchmark } from "../../test/fixtures";
import { scoringModelsPoint } from "./extension-point";
import { BUILTIN_MODELS } from "./models/builtin";
import { scoreAssessment } from "./score";
import { createScorer } from "./scorer";

const parameters = { safeParse: (input: unknown) => ({ success: true, data: input }) };
const pluginModel = { id: "acme.first", version: "1.0.0", title: "First", description: "Answers no report.", parameters, score: () => ({ id: "acme.first" }) };

describe("scoringModelsPoint", () => {
  it("is named for the manifest key and ships the built-in models as they are", () => {
    expect(scoringModelsPoint.name).toBe("scoringModels");
    expect(scoringModelsPoint.builtins).toBe(BUILTIN_MODELS);
  });

  it("refuses a malformed model with the reason of every problem", () => {
    const checked = scoringModelsPoint.check({ ...pluginModel, version: "one", score: 3 });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.reason).toContain("MAJOR.MINOR.PATCH");
    expect(checked.reason).toContain("score must be a function");
    expect(scoringModelsPoint.check(null).ok).toBe(false);
  });

  it("hands out a plugin model whose every report is checked against the score-report schema", () => {
    const checked = scoringModelsPoint.check(pluginModel);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const a = assessment({ "q-a1": "full" });
    const scorer = createScorer(benchmark, { model: checked.value });
    for (const result of [scoreAssessment(a, benchmark, { model: checked.value }), scoreAssessment(a, benchmark, { model: "acme.first", models: [checked.value] }), scorer.ok ? scorer.report.score(a) : scorer]) {
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      for (const problem of result.errors.errors) expect(problem).toMatchObject({ code: "model_output_invalid", params: { model: "acme.first" } });
    }
  });
});
