import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createHost } from "@cohesion/core";
import { scoreAssessment } from "@cohesion/scoring";
import { SCHEMA_VERSION, type Assessment } from "@cohesion/schema";
import { afterAll, describe, expect, it } from "vitest";

const pluginDir = fileURLToPath(new URL(".", import.meta.url));
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const guide = readFileSync(new URL("../../docs/plugin-authoring.md", import.meta.url), "utf8");

const host = createHost({ cwd: repoRoot });
afterAll(() => host.dispose());

describe("the benchmark plugin of the authoring guide", () => {
  it("is shown in full in the guide: every file block matches the example's file", () => {
    const blocks = [...guide.matchAll(/```json file=(\S+)\n([\s\S]*?)\n```/g)];
    expect(blocks.map((block) => block[1])).toEqual(["examples/benchmark-plugin/package.json", "examples/benchmark-plugin/content/benchmark.json", "examples/benchmark-plugin/content/practices.json"]);
    for (const [, file, text] of blocks) expect(JSON.parse(text ?? "")).toEqual(JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), "utf8")));
  });

  it("loads through the host beside the installed plugins without a single problem", () => {
    const info = host.addPlugin(pluginDir);
    expect(info).toMatchObject({ id: "exampleton", status: "loaded", documents: { benchmark: ["exampleton.welcome-services"], practice: ["exampleton.welcome-walks"] } });
    expect(info.problems).toEqual([]);
    expect(host.report().errors.filter((problem) => problem.file?.startsWith(pluginDir))).toEqual([]);
  });

  it("scores an assessment, rolling sub-questions up and weighing questions as the guide says", () => {
    host.addPlugin(pluginDir);
    const benchmark = host.catalog().benchmark("exampleton.welcome-services");
    if (!benchmark) throw new Error("the example benchmark did not load");
    const assessment: Assessment = {
      kind: "assessment",
      schemaVersion: SCHEMA_VERSION,
      id: "local.exampleton-welcome",
      benchmark: { id: benchmark.id, version: benchmark.version },
      subject: { type: "place", name: "Exampleton", country: "NL" },
      method: "self",
      assessedBy: [{ name: "Exampleton city administration" }],
      assessedOn: "2026-01-15",
      answers: {
        "welcome-point": { level: "full" },
        "welcome-point-opening-hours": { level: "none" },
        "welcome-point-referrals": { level: "full" },
        "registration-link": { level: "partial" },
        "languages-offered": { level: "full" },
        interpreting: { level: "none" },
      },
    };
    expect(host.validate(assessment)).toEqual({ valid: true, errors: [] });
    const scored = scoreAssessment(assessment, benchmark);
    if (!scored.ok) throw new Error(scored.errors.errors[0]?.message);
    const keyFactors = Object.fromEntries((scored.report.overall.children ?? []).flatMap((s) => s.children ?? []).map((k) => [k.ref.split("#")[1], k.score]));
    // welcome-point: mean of its own answer (100) and its sub-questions (0, 100) = 66.7; with registration-link (50): 58.3.
    expect(keyFactors["one-front-door"]).toBeCloseTo((200 / 3 + 50) / 2, 5);
    // interpreting weighs 2: (100 + 2 × 0) / 3.
    expect(keyFactors["language"]).toBeCloseTo(100 / 3, 5);
    expect(keyFactors["local-contacts"]).toBeNull();
  });
});
