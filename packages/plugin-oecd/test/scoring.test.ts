import { BUILTIN_MODELS, scoreAssessment } from "@cohesion/scoring";
import { validate } from "@cohesion/schema";
import { describe, expect, it } from "vitest";
import { EXAMPLE_ASSESSMENT, loadContributedDocuments, readJson } from "./content";

const benchmark = loadContributedDocuments().find((entry) => entry.document["kind"] === "benchmark")?.document;
const assessment = readJson(EXAMPLE_ASSESSMENT);

describe("scoring the example assessment of Gothenburg", () => {
  it.each(BUILTIN_MODELS.map((model) => [model.id, model] as const))("gives a valid score report with %s", (_id, model) => {
    const result = scoreAssessment(assessment, benchmark, { model });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(validate(result.report).errors).toEqual([]);
    expect(result.report.overall.score).toBeGreaterThanOrEqual(0);
    expect(result.report.overall.score).toBeLessThanOrEqual(100);
  });
});
