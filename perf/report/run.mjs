// Report rendering and plugin discovery, each against a baseline measured in the same run.
// - rendering: renderHtmlReport and renderMarkdownReport of a full report (the example Athens assessment,
//   scored with every answer's evidence) against JSON.stringify of the same report, the cheapest way to
//   write it out at all;
// - discovery: createHost with every place a plugin may be installed (working folder, beside core,
//   COHESION_PLUGIN_PATH) against createHost looking in the working folder only, from the repository root.
// Build first (npx turbo run build --filter=@cohesion/adapter-report...). Writes perf/results/report.json.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { renderHtmlReport, renderMarkdownReport } from "@cohesion/adapter-report";
import { createHost } from "@cohesion/core";
import { MATURITY_SCALE } from "@cohesion/model";
import { attachGaps, scoreAssessment } from "@cohesion/scoring";

const ROUNDS = Number(process.env.REPORT_PERF_ROUNDS ?? 7);
const RENDERS = Number(process.env.REPORT_PERF_RENDERS ?? 200);
const HOSTS = Number(process.env.REPORT_PERF_HOSTS ?? 10);
const root = fileURLToPath(new URL("../../", import.meta.url));
const read = (path) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8"));

const benchmark = read("packages/plugin-eurocities/content/benchmark.json");
const assessment = read("examples/assessments/eurocities-athens-kypseli.json");
for (const [id, answer] of Object.entries(assessment.answers)) {
  answer.evidenceLinks = [{ title: `Minutes on ${id}`, url: `https://example.org/${id}`, date: "2025-06" }];
  answer.notes = `Checked for ${id}.`;
}
const scored = scoreAssessment(assessment, benchmark);
const gapped = attachGaps(scored.report, { targets: assessment.targets });
const input = { report: gapped.report, assessment, benchmark, scale: MATURITY_SCALE, generatedOn: "2026-12-01" };

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measure(count, fn) {
  const rounds = [];
  let sink = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const start = performance.now();
    for (let i = 0; i < count; i++) sink += fn().length ?? 1;
    rounds.push((performance.now() - start) / count);
  }
  if (sink === 0) throw new Error("nothing was produced");
  return median(rounds);
}

const ms = {
  json: measure(RENDERS, () => JSON.stringify(input.report, null, 2)),
  html: measure(RENDERS, () => renderHtmlReport(input)),
  markdown: measure(RENDERS, () => renderMarkdownReport(input)),
  hostWorkingFolder: measure(HOSTS, () => createHost({ cwd: root, installRoots: [], pluginPath: [] }).listPlugins()),
  hostEverywhere: measure(HOSTS, () => createHost({ cwd: root }).listPlugins()),
};
const result = {
  date: new Date().toISOString(),
  node: process.version,
  perCallMs: ms,
  ratio: { htmlOverJson: ms.html / ms.json, markdownOverJson: ms.markdown / ms.json, discoveryEverywhereOverWorkingFolder: ms.hostEverywhere / ms.hostWorkingFolder },
  sizes: { jsonBytes: JSON.stringify(input.report, null, 2).length, htmlBytes: renderHtmlReport(input).length, markdownBytes: renderMarkdownReport(input).length },
};
console.log(`Report rendering (${RENDERS} renders) and plugin discovery (${HOSTS} hosts), median of ${ROUNDS} rounds, Node ${process.version}`);
console.log(`  JSON.stringify of the score report   ${ms.json.toFixed(3)} ms`);
console.log(`  HTML page                            ${ms.html.toFixed(3)} ms  (${result.ratio.htmlOverJson.toFixed(2)}x JSON)`);
console.log(`  Markdown                             ${ms.markdown.toFixed(3)} ms  (${result.ratio.markdownOverJson.toFixed(2)}x JSON)`);
console.log(`  createHost, working folder only      ${ms.hostWorkingFolder.toFixed(2)} ms`);
console.log(`  createHost, every install location   ${ms.hostEverywhere.toFixed(2)} ms  (${result.ratio.discoveryEverywhereOverWorkingFolder.toFixed(2)}x)`);
const out = fileURLToPath(new URL("../results/report.json", import.meta.url));
mkdirSync(fileURLToPath(new URL("../results/", import.meta.url)), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(`  written to ${out}`);
