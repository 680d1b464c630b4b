// Whose words a report shows: the benchmark's guide questions and the assessment's evidence and notes carry
// their provenance marks (source or editorial) into the HTML page and the Markdown, under a legend.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MATURITY_SCALE } from "@cohesion/model";
import { scoreAssessment } from "@cohesion/scoring";
import type { Assessment, Benchmark } from "@cohesion/schema";
import { escapeHtml, escapeMarkdown, renderHtmlReport, renderMarkdownReport, renderReport, type ReportInput } from "./index";

const read = <T>(path: string): T => JSON.parse(readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8")) as T;
const eurocities = read<Benchmark>("packages/plugin-eurocities/content/benchmark.json");
const oecd = read<Benchmark>("packages/plugin-oecd/content/benchmarks/time-and-space.json");
const athens = read<Assessment>("examples/assessments/eurocities-athens-kypseli.json");
const gothenburg = read<Assessment>("examples/assessments/oecd-gothenburg-time-and-space.json");

function input(assessment: Assessment, benchmark: Benchmark, withBenchmark = true): ReportInput {
  const scored = scoreAssessment(assessment, benchmark);
  if (!scored.ok) throw new Error(scored.errors.errors[0]?.message);
  return { report: scored.report, assessment, ...(withBenchmark ? { benchmark } : {}), scale: MATURITY_SCALE, generatedOn: "2026-12-01" };
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== "provenance").map(([key, child]) => [key, strip(child)]));
}

const count = (text: string, needle: string): number => text.split(needle).length - 1;

describe("a report says whose words it shows", () => {
  it("tags each answer's notes source or editorial as the assessment marks them, in HTML and Markdown", () => {
    const data = input(athens, eurocities);
    const html = renderHtmlReport(data);
    const markdown = renderMarkdownReport(data);
    let marked = 0;
    for (const answer of Object.values(athens.answers)) {
      const mark = answer.provenance?.notes;
      if (!answer.notes || !mark) continue;
      marked++;
      expect(html).toContain(`<strong>Notes:</strong> ${escapeHtml(answer.notes)} <span class="prov prov-${mark}"`);
      expect(markdown).toContain(`- Notes: ${escapeMarkdown(answer.notes)} _(${mark})_`);
    }
    expect(marked).toBeGreaterThan(40);
    expect(html).toMatch(/<p class="note prov-legend"><strong>Whose words:<\/strong>/);
    expect(markdown).toContain("**Whose words:** _(source)_ restates what the cited publication says");
  });

  it("tags the EUROCITIES guide questions source and the OECD ones, written for Cohesion, editorial", () => {
    const toolkit = renderHtmlReport(input(athens, eurocities));
    expect(count(toolkit, '<p class="q-text">')).toBeGreaterThan(60);
    expect(count(toolkit, '<p class="q-text">')).toBe(count(toolkit, 'source</span></p><p class="q-answer">'));
    expect(toolkit).not.toMatch(/<p class="q-text">[^<]+ <span class="prov prov-editorial"/);
    const chapter = renderHtmlReport(input(gothenburg, oecd));
    expect(count(chapter, '<p class="q-text">')).toBe(count(chapter, '<span class="prov prov-editorial" title="not in the publication: written for this benchmark or assessment (a question, gloss, judgement or assumption)">editorial</span></p><p class="q-answer">'));
    const markdown = renderMarkdownReport(input(gothenburg, oecd));
    expect(markdown).toMatch(/^- \*\*Does the city know the profile of its migrant population .+\*\* _\(editorial\)_\\$/m);
  });

  it("shows no tags and no legend when nothing shown is marked", () => {
    const unmarked = strip(athens) as Assessment;
    const data = input(unmarked, strip(eurocities) as Benchmark);
    for (const text of [renderHtmlReport(data), renderMarkdownReport(data), renderHtmlReport(input(unmarked, eurocities, false))]) {
      expect(text).not.toContain("Whose words");
      expect(text).not.toMatch(/class="prov |_\((source|editorial)\)_/);
    }
  });

  it("tags exactly the evidence and notes that carry a mark, whatever marks are given (property)", () => {
    const ids = Object.keys(athens.answers);
    const marks = fc.constantFrom("source" as const, "editorial" as const, undefined);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...ids), marks, marks), { maxLength: 20 }), (choices) => {
        const assessment = strip(athens) as Assessment;
        let expected = 0;
        for (const [id, evidenceMark, notesMark] of choices) {
          const answer = assessment.answers[id];
          if (!answer || answer.provenance) continue;
          answer.evidence = `Evidence for ${id}`;
          answer.provenance = { ...(evidenceMark ? { evidence: evidenceMark } : {}), ...(notesMark ? { notes: notesMark } : {}) };
          expected += (evidenceMark ? 1 : 0) + (answer.notes && notesMark ? 1 : 0);
        }
        const result = renderReport({ report: input(assessment, strip(eurocities) as Benchmark).report, assessment, generatedOn: "2026-12-01" }, "html");
        if (!result.ok) throw new Error(result.errors.errors[0]?.message);
        const tags = count(result.text, '<span class="prov prov-');
        // The legend shows one tag of each kind whenever any mark is shown.
        expect(tags).toBe(expected === 0 ? 0 : expected + 2);
      }),
      { numRuns: 40 },
    );
  });
});
