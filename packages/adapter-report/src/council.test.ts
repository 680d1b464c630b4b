// The report as a council reads it: built from a real benchmark and assessment through the scoring
// engine, then checked for what a reader needs and for what must never appear.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MATURITY_SCALE } from "@cohesion/model";
import { attachGaps, recommendPractices, scoreAssessment } from "@cohesion/scoring";
import type { Assessment, Benchmark, Practice, ScoreReport } from "@cohesion/schema";
import { renderHtmlReport, renderMarkdownReport, renderReport, type ReportInput } from "./index";

const read = <T>(path: string): T => JSON.parse(readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8")) as T;
const benchmark = read<Benchmark>("packages/plugin-eurocities/content/benchmark.json");
const athens = read<Assessment>("examples/assessments/eurocities-athens-kypseli.json");
const practices = read<Practice[] | Practice>("packages/plugin-eurocities/content/practices.json");

function input(assessment: Assessment, withTargets = true): ReportInput {
  const scored = scoreAssessment(assessment, benchmark);
  if (!scored.ok) throw new Error(scored.errors.errors[0]?.message);
  let report: ScoreReport = scored.report;
  const gapped = attachGaps(report, withTargets && assessment.targets ? { targets: assessment.targets } : {});
  if (gapped.ok) report = gapped.report;
  const recommended = recommendPractices(report, { practices: Array.isArray(practices) ? practices : [practices], places: [], benchmark, ...(report.gaps ? { gaps: report.gaps } : {}) });
  if (recommended.ok) report = { ...report, recommendations: recommended.report.recommendations };
  return { report, assessment, benchmark, scale: MATURITY_SCALE, generatedOn: "2026-12-01" };
}

/** Athens with half its answers removed and links and notes on the rest. */
function halfFilled(): Assessment {
  const a = structuredClone(athens);
  delete a.illustrative;
  delete a.targets;
  const answers: Assessment["answers"] = {};
  Object.entries(a.answers).forEach(([id, answer], i) => {
    if (i >= 40) return;
    answers[id] = { ...answer, evidenceLinks: [{ title: `Minutes (${id})`, url: `https://example.org/${id}?a=1&b=2`, date: "2025-06-30" }], notes: `Note on ${id}: *asked* the district.` };
  });
  a.answers = answers;
  return a;
}

describe("a council-ready report", () => {
  it("links only web and mail addresses: any other scheme an evidence link may hold is shown as text", () => {
    const assessment = halfFilled();
    const [first, second, third] = Object.keys(assessment.answers);
    const links: Record<string, string> = { [first as string]: "javascript:alert(1)", [second as string]: "DATA:text/html,%3Cscript%3Ealert(2)%3C/script%3E", [third as string]: "MAILTO:office@city.example.org" };
    for (const [id, url] of Object.entries(links)) assessment.answers[id] = { ...assessment.answers[id], evidenceLinks: [{ title: `Link of ${id}`, url }] };
    const data = input(assessment);
    const html = renderHtmlReport(data);
    const markdown = renderMarkdownReport(data);
    expect(html).not.toMatch(/href="\s*(javascript|data):/i);
    expect(html).toContain(`Link of ${first} <span class="note">(javascript:alert(1), not a web address)</span>`);
    expect(html).toContain(`<a href="MAILTO:office@city.example.org">Link of ${third}</a>`);
    expect(markdown).not.toMatch(/\]\(<?\s*(javascript|data):/i);
    expect(markdown).toContain(`Link of ${first} (javascript:alert(1), not a web address)`);
    expect(markdown).toContain(`[Link of ${third}](<MAILTO:office@city.example.org>)`);
  });


  it("shows every evidence text, link (title, address, date) and note beside its answer, in HTML and Markdown", () => {
    const data = input(halfFilled());
    const html = renderHtmlReport(data);
    const markdown = renderMarkdownReport(data);
    for (const [id, answer] of Object.entries(data.assessment?.answers ?? {})) {
      if (answer.evidence) {
        expect(html).toContain(answer.evidence.replace(/&/g, "&amp;").replace(/'/g, "&#39;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
        expect(markdown.replace(/\\/g, "")).toContain(answer.evidence.replace(/\\/g, ""));
      }
      expect(html).toContain(`href="https://example.org/${id}?a=1&amp;b=2"`);
      expect(html).toContain(`Minutes (${id})`);
      expect(markdown).toContain(`[Minutes (${id})](<https://example.org/${id}?a=1&b=2>) (2025-06-30)`);
      expect(markdown).toContain(`Note on ${id}: \\*asked\\* the district.`);
    }
    expect(html).toContain("2025-06-30");
  });

  it("says what the headline covers and which key factors have no score", () => {
    const data = input(halfFilled());
    const unscored = (data.report.overall.children ?? []).flatMap((s) => s.children ?? []).filter((k) => k.score === null);
    expect(unscored.length).toBeGreaterThan(0);
    const html = renderHtmlReport(data);
    expect(html).toMatch(/Key factors without a score[^<]*/);
    for (const node of unscored) expect(html).toContain(`${node.title}`.replace(/'/g, "&#39;"));
    expect(renderHtmlReport(input(athens))).toContain("covers every key factor of the benchmark");
  });

  it("flags an illustrative assessment before anything else, and only then", () => {
    const html = renderHtmlReport(input(athens));
    expect(html.indexOf('class="illustrative"')).toBeGreaterThan(-1);
    expect(html.indexOf('class="illustrative"')).toBeLessThan(html.indexOf('data-testid="overall-score"'));
    expect(renderMarkdownReport(input(athens))).toContain("**Illustrative assessment.**");
    expect(renderHtmlReport(input(halfFilled()))).not.toContain('class="illustrative"');
  });

  it("explains bands and the gap priority, and says once that no targets were set", () => {
    const withTargets = renderHtmlReport(input(athens));
    expect(withTargets).toContain("Developing from 25 up to 50");
    expect(withTargets).toContain("times the key factor's weight in the overall score");
    expect(withTargets).toMatch(/priority \d/);
    const none = renderHtmlReport(input(athens, false));
    expect(none.match(/No targets were set/g)).toHaveLength(1);
    expect(none).not.toContain("No key factor is below its target");
    expect(none.slice(none.indexOf("<body>"))).not.toContain("gap-row");
  });

  it("lists each practice once with the key factors it helps with, never the subject's own", () => {
    const data = input(athens);
    const html = renderHtmlReport(data);
    const titles = [...html.matchAll(/<ul class="practices">(.*?)<\/ul>/gs)].flatMap((m) => [...(m[1] ?? "").matchAll(/<strong>(.*?)<\/strong>/g)].map((x) => x[1]));
    expect(titles.length).toBeGreaterThan(0);
    expect(new Set(titles).size).toBe(titles.length);
    const own = structuredClone(data);
    const first = own.report.recommendations?.[0]?.practices[0];
    if (!first) throw new Error("no practice recommended");
    own.report.assessment = { ...own.report.assessment, id: own.report.assessment?.id ?? "x", subject: first.city ?? "Athens", ...(first.placeRef ? { subjectRef: first.placeRef } : {}) };
    expect(renderHtmlReport(own)).not.toContain(`<strong>${first.title}</strong>`);
  });

  it("explains a score rolled up from sub-questions next to the answer it differs from", () => {
    const html = renderHtmlReport(input(athens));
    expect(html).toMatch(/is the weighted mean of its own answer \(Not in place, 0, weight 1\) and the \d+ scored of its \d+ sub-questions/);
  });

  it("shows no raw codes, no JSON and no escaped parentheses", () => {
    const data = input(athens);
    data.report.messages = [...(data.report.messages ?? []), { code: "peer_left_out", severity: "info", message: "x answers y" }];
    const html = renderHtmlReport(data);
    const markdown = renderMarkdownReport(data);
    for (const text of [html.slice(html.indexOf("<body>")), markdown]) {
      expect(text).not.toContain("peer_left_out");
      expect(text).not.toMatch(/\{"|":/);
    }
    expect(markdown).not.toContain("\\(");
    expect(html).toContain("left out of the comparison");
  });

  it("renders any assessment answers without throwing", () => {
    const ids = Object.keys(athens.answers);
    fc.assert(
      fc.property(fc.array(fc.record({ id: fc.constantFrom(...ids), level: fc.constantFrom("none", "planned", "partial", "substantial", "full", "n/a"), notes: fc.string({ minLength: 1 }), title: fc.string({ minLength: 1 }) }), { maxLength: 30 }), (picked) => {
        const a = structuredClone(athens);
        a.answers = {};
        for (const p of picked) a.answers[p.id] = { level: p.level, notes: p.notes, evidenceLinks: [{ title: p.title, url: "https://example.org/x" }] };
        const data = input(a);
        expect(renderHtmlReport(data)).toContain("</html>");
        expect(renderMarkdownReport(data).startsWith("# ")).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("answers a garbage assessment beside a valid report with a validation report, never a throw", () => {
    const { report } = input(athens);
    fc.assert(
      fc.property(fc.jsonValue(), (garbage) => {
        const result = renderReport({ report, assessment: garbage }, "html");
        if (!result.ok) expect(result.errors.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
    expect(renderReport({ report, assessment: athens, scale: MATURITY_SCALE }, "markdown").ok).toBe(true);
  });
});
