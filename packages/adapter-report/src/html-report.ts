import type { ScoreNode } from "@cohesion/schema";
import { escapeHtml as e, formatScore } from "./escape";
import { gapChart } from "./gap-chart";
import { keyFactorRows, shownPeerGroup, type ReportInput } from "./model";
import { radarChart, statusLabel } from "./radar-chart";

const STYLE = `
:root{--ink:#1d2430;--muted:#5b6575;--line:#d6dbe3;--subject:#1f6feb;--peers:#d9480f;--gap:#c92a2a;--ok:#2b8a3e}
*{box-sizing:border-box}body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);max-width:1000px;margin:2rem auto;padding:0 1.25rem}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.2rem;margin-top:2.2rem;border-bottom:2px solid var(--line);padding-bottom:.3rem}
.meta{color:var(--muted)}.summary{display:flex;gap:2rem;flex-wrap:wrap;margin:1rem 0}.figure{font-size:2.2rem;font-weight:700}
.badge{display:inline-block;padding:.1rem .5rem;border-radius:.6rem;background:#eef2f7;font-size:.85rem}
.insufficient{color:var(--gap);font-style:italic}table{border-collapse:collapse;width:100%;margin:.6rem 0}
th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#f6f8fa}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}.note{color:var(--muted)}
.chart{max-width:100%;height:auto;display:block;margin:1rem auto}.chart text{font-size:12px;fill:var(--ink)}
.ring{fill:none;stroke:var(--line)}.axis{stroke:#aab3c0}.axis-missing{stroke-dasharray:4 4;stroke:var(--gap)}
.missing{fill:var(--gap);font-style:italic}.value{fill:var(--muted)}
.series{stroke-width:2.5}.series-subject{fill:rgba(31,111,235,.18);stroke:var(--subject)}.series-peers{fill:none;stroke:var(--peers);stroke-dasharray:6 4}
.dot{fill:var(--subject)}.swatch-subject{fill:var(--subject)}.swatch-peers{fill:var(--peers)}
.bar-score{fill:var(--subject)}.bar-gap{fill:url(#hatch);stroke:var(--gap)}.hatch{stroke:var(--gap);stroke-width:3}.target{stroke:var(--ink);stroke-width:2.5}.tick{stroke:var(--line)}
details{margin:.4rem 0}summary{cursor:pointer;font-weight:600}
@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}.chart,table{break-inside:avoid}details>summary{list-style:none}}
`;

/**
 * Renders a score report as one self-contained HTML page: inline styles, inline SVG charts, no scripts and
 * no network requests, readable on screen and in print.
 *
 * @example
 * ```ts
 * const html = renderHtmlReport({ report: enriched, generatedOn: "2026-11-22" }); // enriched: enrichReport's output
 * await writeFile("report.html", html);
 * ```
 */
export function renderHtmlReport(input: ReportInput): string {
  const { report } = input;
  const rows = keyFactorRows(input);
  const peers = shownPeerGroup(report);
  const overall = report.overall;
  const title = `${report.benchmark.title ?? report.benchmark.id} — ${report.assessment?.subject ?? "assessment"}`;
  const parts: string[] = [];
  parts.push(`<header><p class="meta">Cohesion self-assessment report</p><h1>${e(title)}</h1><p class="meta">Benchmark <code>${e(report.benchmark.id)}</code> version ${e(report.benchmark.version)} · model <code>${e(report.model.id)}</code> ${e(report.model.version)}${report.assessment?.assessedOn ? ` · assessed on ${e(report.assessment.assessedOn)}` : ""}${input.generatedOn ? ` · report of ${e(input.generatedOn)}` : ""}</p></header>`);
  parts.push(`<section class="summary"><div><div class="figure" data-testid="overall-score">${overall.score === null ? `<span class="insufficient">${e(statusLabel(overall.status))}</span>` : formatScore(overall.score)}</div><div>overall score of 100${overall.band ? ` · <span class="badge">${e(overall.band.label)}</span>` : ""}</div></div><div><div class="figure">${Math.round(overall.coverage * 100)}%</div><div>of applicable guide questions answered</div></div>${
    report.standardMet === undefined ? "" : `<div><div class="figure">${report.standardMet === null ? "?" : report.standardMet ? "Met" : "Not met"}</div><div>the standard</div></div>`
  }${peers?.overall.rank ? `<div><div class="figure">${e(peers.overall.rankText)}</div><div>rank among ${peers.members} subjects (${e(peers.label)})</div></div>` : ""}</section>`);
  parts.push(`<h2>Key factors</h2>${radarChart(rows)}`);
  parts.push(`<table class="key-factors"><thead><tr><th>#</th><th>Key factor</th><th>Section</th><th class="num">Score</th><th>Band</th><th class="num">Coverage</th>${peers ? `<th class="num">Peers' median</th>` : ""}</tr></thead><tbody>${rows
    .map(
      (row, i) =>
        `<tr><td>${i + 1}</td><td>${e(row.title)}</td><td>${e(row.section)}</td><td class="num">${row.node.score === null ? `<span class="insufficient">${e(statusLabel(row.node.status))}</span>` : formatScore(row.node.score)}</td><td>${row.node.band ? e(row.node.band.label) : ""}</td><td class="num">${Math.round(row.node.coverage * 100)}%</td>${peers ? `<td class="num">${formatScore(row.peerMedian)}</td>` : ""}</tr>`,
    )
    .join("")}</tbody></table>`);
  parts.push(`<h2>Gaps to target</h2>${gapChart(report.gaps ?? [])}`);
  if ((report.strengths ?? []).length > 0) {
    parts.push(`<h3>Strengths</h3><ul>${(report.strengths ?? []).map((s) => `<li>${e(s.title ?? s.keyFactor)}: ${formatScore(s.score)} (target ${formatScore(s.target)})</li>`).join("")}</ul>`);
  }
  parts.push(`<h2>Practices to learn from</h2>${renderRecommendations(input)}`);
  parts.push(`<h2>Mentor candidates</h2>${renderMentors(input)}`);
  parts.push(`<h2>How each score was made</h2><p class="note">Every score is the weighted mean of the inputs listed under it; n/a answers are left out, and unanswered questions lower coverage instead of counting as zero.</p>${rows.map((row) => renderTrace(row.node)).join("")}`);
  if ((report.messages ?? []).length > 0) {
    parts.push(`<h2>Notes</h2><ul>${(report.messages ?? []).map((m) => `<li><strong>${e(m.severity)}</strong> <code>${e(m.code)}</code> ${e(m.message)}</li>`).join("")}</ul>`);
  }
  parts.push(`<footer class="note"><p>Parameters: <code>${e(JSON.stringify(report.model.parameters))}</code></p></footer>`);
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"><title>${e(title)}</title><style>${STYLE}</style></head><body>${parts.join("\n")}</body></html>\n`;
}

function renderTrace(node: ScoreNode): string {
  const children = node.children ?? [];
  const rows = (node.trace ?? [])
    .map((entry) => {
      const child = children.find((c) => c.ref === entry.ref);
      const label = child?.title ?? entry.ref;
      const answer = child?.answer ?? "";
      return `<tr><td>${e(label)}</td><td>${e(answer)}</td><td class="num">${formatScore(entry.score)}</td><td class="num">${formatScore(entry.weight)}</td><td class="num">${formatScore(entry.contribution ?? null)}</td><td>${entry.note ? e(entry.note) : ""}</td></tr>`;
    })
    .join("");
  return `<details class="trace" open><summary>${e(node.title ?? node.ref)} — ${node.score === null ? e(statusLabel(node.status)) : formatScore(node.score)}</summary><table><thead><tr><th>Input</th><th>Answer</th><th class="num">Score</th><th class="num">Weight</th><th class="num">Contribution</th><th>Note</th></tr></thead><tbody>${rows}</tbody></table></details>`;
}

function renderRecommendations(input: ReportInput): string {
  const recommendations = input.report.recommendations ?? [];
  if (recommendations.length === 0) return `<p class="note">No gaps with linked practices.</p>`;
  const rows = keyFactorRows(input);
  return recommendations
    .map(
      (rec) =>
        `<h3>${e(rows.find((r) => r.ref === rec.keyFactor)?.title ?? rec.keyFactor)}</h3><ul class="practices">${rec.practices
          .map((p) => `<li><strong>${e(p.title ?? p.practice)}</strong>${p.city ? ` (${e(p.city)})` : ""} — ${e(p.reason)}</li>`)
          .join("")}</ul>`,
    )
    .join("");
}

function renderMentors(input: ReportInput): string {
  const mentors = input.report.mentors ?? [];
  if (mentors.length === 0) return `<p class="note">Give peer assessments (--peers) to see mentor candidates.</p>`;
  return `<ol class="mentors">${mentors.map((m) => `<li><strong>${e(m.subject)}</strong> (match ${Math.round(m.match * 100)}%) — ${e(m.reason)}</li>`).join("")}</ol>`;
}
