import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ScoreReport } from "@cohesion/schema";
import { renderHtmlReport, renderMarkdownReport, renderReport } from "./index";

const single = JSON.parse(readFileSync(new URL("../../../examples/valid/score-report.json", import.meta.url), "utf8")) as ScoreReport;

/** The example report widened to five key factors, so the radar chart has axes to draw. */
function withKeyFactors(count: number): ScoreReport {
  const report = structuredClone(single);
  const section = report.overall.children?.[0];
  const template = section?.children?.[0];
  if (!section || !template) throw new Error("the example score report lost its key factor");
  section.children = Array.from({ length: count }, (_, i) => ({ ...structuredClone(template), ref: `${report.benchmark.id}#kf-${i + 1}`, title: `Key factor ${i + 1}`, score: 20 * i }));
  return report;
}
const example = withKeyFactors(5);

function keyFactorCount(report: ScoreReport): number {
  let count = 0;
  const visit = (node: ScoreReport["overall"]) => {
    if (node.level === "key-factor") count++;
    else for (const child of node.children ?? []) visit(child);
  };
  visit(report.overall);
  return count;
}

describe("renderHtmlReport", () => {
  it("draws one radar axis per key factor and a peers' polygon only when peers are given", () => {
    const axes = keyFactorCount(example);
    const alone = renderHtmlReport({ report: example });
    expect(alone.match(/<line class="axis/g)?.length).toBe(axes);
    expect(alone).not.toContain('data-series="peers"');
    // Peers as enrichReport puts them in the report: every key factor's peers' median is 50.
    const statistic = (ref: string) => ({
      ref,
      score: 60,
      rank: 2,
      of: 5,
      rankText: "2 of 5",
      percentile: 62.5,
      quartiles: { q1: 25, median: 50, q3: 75 },
      histogram: [{ from: 0, to: 100, count: 4 }],
    });
    const refs = Array.from({ length: axes }, (_, i) => `${example.benchmark.id}#kf-${i + 1}`);
    const group = { dimension: "all" as const, id: "all", label: "All subjects", members: 5, overall: statistic("overall"), keyFactors: refs.map(statistic) };
    const withPeers = renderHtmlReport({ report: { ...example, peers: { population: 5, groups: [group] } } });
    expect(withPeers).toContain("2 of 5");
    expect(withPeers).toContain('data-series="peers"');
    expect(withPeers.match(/<td class="num">50<\/td>/g)?.length).toBe(axes);
  });

  it("is self-contained: no scripts, no external URLs", () => {
    const html = renderHtmlReport({ report: example, generatedOn: "2026-11-22" });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)="https?:/i);
    expect(html).toContain("2026-11-22");
  });

  it("shows insufficient evidence as such, never as a number", () => {
    const report = structuredClone(example);
    const mark = (node: ScoreReport["overall"]) => {
      if (node.level === "key-factor") {
        node.score = null;
        node.status = "insufficient-evidence";
        return;
      }
      for (const child of node.children ?? []) mark(child);
    };
    mark(report.overall);
    const html = renderHtmlReport({ report });
    expect(html).toContain("insufficient evidence");
    expect(html).toContain("axis-missing");
  });

  it("escapes names so markup in data cannot break the page", () => {
    const report = structuredClone(example);
    report.overall.title = '<img src=x onerror="alert(1)">';
    report.benchmark.title = "<script>alert(1)</script>";
    const html = renderHtmlReport({ report });
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;");
  });
});

describe("renderMarkdownReport", () => {
  it("lists every key factor in a table row and escapes pipes", () => {
    const report = structuredClone(example);
    report.benchmark.title = "A | B";
    const markdown = renderMarkdownReport({ report });
    expect(markdown).toContain("A \\| B");
    const rows = markdown.split("\n").filter((line) => /^\| \d+ \|/.test(line));
    expect(rows).toHaveLength(keyFactorCount(example));
  });
});

describe("renderReport", () => {
  it("explains a chart it cannot draw for fewer than three key factors", () => {
    expect(renderHtmlReport({ report: single })).toContain("needs at least three key factors");
  });

  it("renders a valid score report in both formats", () => {
    const html = renderReport({ report: example }, "html");
    const markdown = renderReport({ report: example }, "markdown");
    expect(html.ok && html.text.startsWith("<!doctype html>")).toBe(true);
    expect(markdown.ok && markdown.text.startsWith("# ")).toBe(true);
  });

  it("answers garbage with a validation report, never a throw", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (garbage) => {
        const result = renderReport({ report: garbage }, "html");
        if (result.ok) return;
        expect(result.errors.valid).toBe(false);
        expect(result.errors.errors.length).toBeGreaterThan(0);
        for (const error of result.errors.errors) expect(typeof error.code).toBe("string");
      }),
      { numRuns: 300 },
    );
  });
});
