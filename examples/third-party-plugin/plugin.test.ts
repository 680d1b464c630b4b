import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createHost } from "@cohesion/core";
import { validateAs } from "@cohesion/schema";
import { scoreAssessment, scoringModelsPoint } from "@cohesion/scoring";
import { afterAll, describe, expect, it } from "vitest";

const pluginDir = fileURLToPath(new URL(".", import.meta.url));
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const probe = globalThis as { __acmePluginImports?: number; __acmePluginDeactivated?: boolean };

// Discovery from the repository root brings in the content plugins the example's practice links to.
const host = createHost({ cwd: repoRoot, points: [scoringModelsPoint] });
afterAll(() => host.dispose());

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

describe("a third-party plugin loaded through the host", () => {
  it("loads from an explicit path without problems and without importing its main", () => {
    const info = host.addPlugin(pluginDir);
    expect(info).toMatchObject({ id: "acme", status: "loaded", contributions: { scoringModels: ["acme.median"] }, documents: { practice: ["acme.exampleton-resident-budget"] } });
    expect(info.problems).toEqual([]);
    expect(host.report().errors).toEqual([]);
    expect(host.declared(scoringModelsPoint)).toContainEqual(expect.objectContaining({ id: "acme.median", plugin: "acme" }));
    expect(probe.__acmePluginImports).toBeUndefined();
  });

  it("extends the practice schema with its own field", () => {
    const practice = host.catalog().practice("acme.exampleton-resident-budget");
    expect(practice).toMatchObject({ acmeEvidenceGrade: "monitored" });
    expect(host.validate(practice)).toEqual({ valid: true, errors: [] });
    expect(validateAs("practice", practice).errors.map((problem) => problem.params["field"])).toEqual(["acmeEvidenceGrade"]);
    expect(host.validate({ ...practice, acmeEvidenceGrade: "rumoured" }).valid).toBe(false);
    expect(host.catalog().searchPractices("resident budget")[0]?.practice.id).toBe("acme.exampleton-resident-budget");
  });

  it("imports main on first use and scores an assessment with acme.median", async () => {
    const model = await host.contribution(scoringModelsPoint, "acme.median");
    expect(model?.id).toBe("acme.median");
    expect(probe.__acmePluginImports).toBe(1);
    expect(host.plugin("acme")?.status).toBe("active");

    const assessment = JSON.parse(readFileSync(`${repoRoot}examples/assessments/eurocities-malmo-all-activities-centres.json`, "utf8")) as {
      answers: Record<string, { level?: string }>;
    };
    const benchmark = host.catalog().benchmark("eurocities.neighbourhood-participation", "1.0.0");
    const scale = host.catalog().scale("cohesion.maturity");
    const result = scoreAssessment(assessment, benchmark, { model: model! });
    if (!result.ok) throw new Error(JSON.stringify(result));

    const points = new Map(scale!.levels.map((level) => [level.id, (level.value / 4) * 100]));
    const answered = Object.values(assessment.answers).flatMap((answer) => (answer.level !== undefined && points.has(answer.level) ? [points.get(answer.level)!] : []));
    expect(answered.length).toBeGreaterThan(10);
    expect(result.report.model.id).toBe("acme.median");
    expect(result.report.overall.score).toBe(median(answered));
    expect(result.report.overall.trace).toHaveLength(answered.length);
    const byId = scoreAssessment(assessment, benchmark, { model: "acme.median", models: host.contributions(scoringModelsPoint) });
    expect(byId.ok && byId.report.overall.score).toBe(result.report.overall.score);
    expect(await host.contribution(scoringModelsPoint, "acme.median")).toBe(model);
    expect(probe.__acmePluginImports).toBe(1);
  });

  it("is deactivated and its model removed when the host is disposed", async () => {
    await host.dispose();
    expect(probe.__acmePluginDeactivated).toBe(true);
    expect(host.plugin("acme")?.status).toBe("deactivated");
    expect(await host.contribution(scoringModelsPoint, "acme.median")).toBeUndefined();
    expect(host.report().errors).toEqual([]);
  });
});
