import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SCHEMA_VERSION } from "@cohesion/schema";
import { cohesion, envelope, fillHalf, withTempDir } from "./helpers";

const BENCHMARK = "eurocities.neighbourhood-participation";

describe("an assessment a person fills in", () => {
  it("init → fill half with evidence → validate → score → report shows every piece of evidence, in HTML and Markdown", () => {
    withTempDir((dir) => {
      const file = join(dir, "ghent.json");
      const init = cohesion(["init", "assessment", "--benchmark", BENCHMARK, "--city", "Ghent", "--country", "BE", "--out", file]);
      expect(init.status).toBe(0);
      expect(init.stderr).toContain("ghent.questions.md");
      const questionnaire = readFileSync(join(dir, "ghent.questions.md"), "utf8");
      const blank = JSON.parse(readFileSync(file, "utf8")) as { schemaVersion: string; answers: Record<string, Record<string, unknown>> };
      expect(blank.schemaVersion).toBe(SCHEMA_VERSION);
      for (const id of Object.keys(blank.answers)) expect(questionnaire).toContain(`[${id}]`);
      expect(questionnaire).toContain("`partial`");

      const entered = fillHalf(blank, ["none", "planned", "partial", "substantial", "full"]);
      writeFileSync(file, JSON.stringify(blank, null, 2));
      expect(cohesion(["validate", file]).status).toBe(0);
      const score = cohesion(["score", file]);
      expect(score.status).toBe(0);
      expect(score.stdout).toContain("Ghent");

      const html = join(dir, "ghent.html");
      const markdown = join(dir, "ghent.md");
      expect(cohesion(["report", file, "--out", html]).status).toBe(0);
      expect(cohesion(["report", file, "--out", markdown]).status).toBe(0);
      const page = readFileSync(html, "utf8");
      const text = readFileSync(markdown, "utf8");
      for (const evidence of entered) {
        expect(page).toContain(evidence.notes);
        expect(page).toContain(evidence.linkTitle);
        expect(page).toContain(`href="${evidence.url}"`);
        expect(text).toContain(evidence.notes);
        expect(text).toContain(`[${evidence.linkTitle}](<${evidence.url}>)`);
      }
      expect(page).toContain("2025-06");
      expect(text).not.toMatch(/\\\(/);
      expect(page).not.toMatch(/peer_left_out|\{"/);
    });
  });

  it("refuses to overwrite the assessment or its questionnaire without --force, and writes neither", () => {
    withTempDir((dir) => {
      const file = join(dir, "a.json");
      writeFileSync(join(dir, "a.questions.md"), "mine");
      const ran = cohesion(["init", "assessment", "--benchmark", BENCHMARK, "--city", "Ghent", "--out", file]);
      expect(ran.status).toBe(2);
      expect(ran.stderr).toContain("a.questions.md already exists");
      expect(existsSync(file)).toBe(false);
      expect(readFileSync(join(dir, "a.questions.md"), "utf8")).toBe("mine");
    });
  });
});

describe("cohesion show benchmark", () => {
  it("asks for the missing word when given only an id, and names what it can show otherwise", () => {
    const bare = cohesion(["show", "inclucities.city-for-all"]);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain('show needs the word "benchmark" before the id: `cohesion show benchmark inclucities.city-for-all`');
    expect(cohesion(["show", "practices"]).stderr).toContain('show can show a benchmark, not "practices"');
  });

  it("prints the questionnaire as text, Markdown and JSON with nesting, levels, context factors and sources", () => {
    const text = cohesion(["show", "benchmark", "inclucities.city-for-all"]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain("[expert-organisations-social-work]");
    expect(text.stdout).toMatch(/partial\s+Partly in place/);
    expect(text.stdout).toContain("CONTEXT FACTORS");
    expect(text.stdout).toContain("SOURCES");
    const markdown = cohesion(["show", "benchmark", "inclucities.city-for-all", "--format", "markdown"]);
    expect(markdown.stdout).toMatch(/^# /);
    expect(markdown.stdout).toMatch(/\n {2}- \*\*In social work\?\*\* _\(source\)_ `\[expert-organisations-social-work\]`/);
    const json = envelope(cohesion(["show", "benchmark", "inclucities.city-for-all", "--format", "json"]).stdout).result as { questionCount: number; scale: { levels: unknown[] }; sections: { keyFactors: { questions: { subQuestions: unknown[] }[] }[] }[] };
    expect(json.questionCount).toBe(34);
    expect(json.scale.levels).toHaveLength(5);
    expect(json.sections[0]?.keyFactors[0]?.questions.some((q) => q.subQuestions.length > 0)).toBe(true);
  });

  it("names an unknown benchmark (exit 1) and a bad format (exit 2)", () => {
    const unknown = cohesion(["show", "benchmark", "inclucities.city-for-al"]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("inclucities.city-for-all");
    expect(cohesion(["show", "benchmark", "inclucities.city-for-all", "--format", "pdf"]).status).toBe(2);
    expect(cohesion(["show", "practice", "x"]).status).toBe(2);
  });
});
