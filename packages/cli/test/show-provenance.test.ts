import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cohesion, envelope, repoRoot, withTempDir } from "./helpers";

interface ShownQuestion {
  id: string;
  text: string;
  provenance?: { text?: string; guidance?: string };
  subQuestions: ShownQuestion[];
}
interface Shown {
  marked: boolean;
  benchmark: { provenance?: { standard?: string } };
  sections: { provenance?: { description?: string }; keyFactors: { id: string; provenance?: Record<string, string>; recommendedActions: { provenance?: { description?: string } }[]; questions: ShownQuestion[] }[] }[];
  contextFactors: { id: string; provenance?: { description?: string; mayInvolve?: string } }[];
}

const shown = (id: string): Shown => envelope(cohesion(["show", "benchmark", id, "--format", "json"]).stdout).result as Shown;

function withoutProvenance(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutProvenance);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== "provenance").map(([key, child]) => [key, withoutProvenance(child)]));
}

describe("cohesion show benchmark tells the source's words from Cohesion's", () => {
  it("marks the OECD standard, statements and the project's own guide questions editorial, and the tools' descriptions source (JSON)", () => {
    const q = shown("oecd.time-and-space");
    expect(q.marked).toBe(true);
    expect(q.benchmark.provenance).toEqual({ standard: "editorial" });
    const objective4 = q.sections[0]?.keyFactors[0];
    expect(objective4?.provenance).toEqual({ statement: "editorial", rationale: "source" });
    expect(objective4?.questions[0]?.provenance?.text).toBe("editorial");
    expect(objective4?.recommendedActions[0]?.provenance).toEqual({ description: "source" });
  });

  it("marks the EUROCITIES guide questions source: each restates one of the toolkit's", () => {
    const q = shown("eurocities.neighbourhood-participation");
    const questions = q.sections.flatMap((s) => s.keyFactors.flatMap((k) => k.questions));
    const all = (list: ShownQuestion[]): ShownQuestion[] => list.flatMap((item) => [item, ...all(item.subQuestions)]);
    expect(all(questions)).toHaveLength(69);
    for (const item of all(questions)) expect(item.provenance?.text, item.id).toBe("source");
  });

  it("prints a legend and each mark after its text, as plain text and as Markdown", () => {
    const text = cohesion(["show", "benchmark", "inclucities.city-for-all"]).stdout;
    expect(text.replace(/\s+/g, " ")).toMatch(/Whose words: \(source\) restates what the cited publication says; \(editorial\) not in the cited publication: written by the benchmark's authors/);
    // The standard is Cohesion's, written from the title and key factors; the guiding questions are the toolkit's.
    expect(text).toMatch(/\(editorial\)\n/);
    expect(text).toMatch(/- [^\n]*\(source\)\n\s+\[[a-z0-9-]+\]/);
    const markdown = cohesion(["show", "benchmark", "inclucities.city-for-all", "--format", "markdown"]).stdout;
    expect(markdown).toMatch(/^_Whose words: \(source\) restates/m);
    expect(markdown).toMatch(/^> .+ _\(editorial\)_$/m);
    expect(markdown).toMatch(/^- \*\*.+\*\* _\(source\)_ `\[[a-z0-9-]+\]`$/m);
  });

  it("shows no legend and no marks for a benchmark that marks nothing", () => {
    withTempDir((dir) => {
      const plugin = join(dir, "welcome");
      cpSync(join(repoRoot, "examples/benchmark-plugin"), plugin, { recursive: true });
      const file = join(plugin, "content/benchmark.json");
      writeFileSync(file, JSON.stringify(withoutProvenance(JSON.parse(readFileSync(file, "utf8")))));
      const text = cohesion(["show", "benchmark", "exampleton.welcome-services", "--plugin", plugin]);
      expect(text.status).toBe(0);
      expect(text.stdout).not.toContain("Whose words");
      expect(text.stdout).not.toMatch(/\((source|editorial)\)/);
      const json = envelope(cohesion(["show", "benchmark", "exampleton.welcome-services", "--plugin", plugin, "--format", "json"]).stdout).result as Shown;
      expect(json.marked).toBe(false);
    });
  });
});

describe("cohesion report tells the source's words from Cohesion's", () => {
  it("tags the questions and the notes of the illustrative Gothenburg assessment in the page and the Markdown", () => {
    withTempDir((dir) => {
      const html = join(dir, "gothenburg.html");
      const markdown = join(dir, "gothenburg.md");
      expect(cohesion(["report", "examples/assessments/oecd-gothenburg-time-and-space.json", "--out", html]).status).toBe(0);
      expect(cohesion(["report", "examples/assessments/oecd-gothenburg-time-and-space.json", "--out", markdown]).status).toBe(0);
      const page = readFileSync(html, "utf8");
      expect(page).toContain("<strong>Whose words:</strong>");
      // Every guide question of the OECD benchmark and every note of this assessment is Cohesion's own.
      expect(page).not.toMatch(/<span class="prov prov-source"[^>]*>source<\/span><\/p><p class="q-answer">/);
      expect(page).toMatch(/<p class="q-text">Does the city know the profile of its migrant population[^<]*<span class="prov prov-editorial"/);
      const text = readFileSync(markdown, "utf8");
      expect(text).toMatch(/- Notes: Illustrative: .+ _\(editorial\)_$/m);
    });
  });
});
