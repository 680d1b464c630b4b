import { escapeMarkdown as m, formatScore } from "./escape";
import { keyFactorRows, shownPeerGroup, type ReportInput } from "./model";
import { statusLabel } from "./radar-chart";

/**
 * Renders a score report as Markdown: the same content as the HTML page, with tables in place of charts.
 *
 * @example
 * ```ts
 * const markdown = renderMarkdownReport({ report: enriched }); // enriched: enrichReport's output
 * ```
 */
export function renderMarkdownReport(input: ReportInput): string {
  const { report } = input;
  const rows = keyFactorRows(input);
  const peers = shownPeerGroup(report);
  const titles = new Map(rows.map((row) => [row.ref, row.title]));
  const scoreCell = (score: number | null, status: string) => (score === null ? `_${statusLabel(status)}_` : formatScore(score));
  const lines: string[] = [];
  lines.push(`# ${m(report.benchmark.title ?? report.benchmark.id)} — ${m(report.assessment?.subject ?? "assessment")}`, "");
  lines.push(
    `Benchmark \`${report.benchmark.id}\` ${report.benchmark.version} · model \`${report.model.id}\` ${report.model.version}${report.assessment?.assessedOn ? ` · assessed on ${report.assessment.assessedOn}` : ""}${input.generatedOn ? ` · report of ${input.generatedOn}` : ""}`,
    "",
  );
  const overall = report.overall;
  lines.push(`**Overall score:** ${scoreCell(overall.score, overall.status)}${overall.band ? ` (${m(overall.band.label)})` : ""} · **coverage:** ${Math.round(overall.coverage * 100)}%`);
  if (report.standardMet !== undefined) lines.push(`**Standard:** ${report.standardMet === null ? "cannot be told" : report.standardMet ? "met" : "not met"}`);
  if (peers?.overall.rank) lines.push(`**Rank:** ${m(peers.overall.rankText)} (${m(peers.label)})`);
  lines.push("", "## Key factors", "");
  lines.push(`| # | Key factor | Section | Score | Band | Coverage |${peers ? " Peers' median |" : ""}`);
  lines.push(`|---|---|---|---:|---|---:|${peers ? "---:|" : ""}`);
  rows.forEach((row, i) => {
    lines.push(
      `| ${i + 1} | ${m(row.title)} | ${m(row.section)} | ${scoreCell(row.node.score, row.node.status)} | ${row.node.band ? m(row.node.band.label) : ""} | ${Math.round(row.node.coverage * 100)}% |${peers ? ` ${formatScore(row.peerMedian)} |` : ""}`,
    );
  });
  lines.push("", "## Gaps to target", "");
  const gaps = report.gaps ?? [];
  if (gaps.length === 0) lines.push("No key factor is below its target.");
  else {
    lines.push("| Key factor | Score | Target | Gap | Priority |", "|---|---:|---:|---:|---:|");
    for (const gap of gaps) lines.push(`| ${m(gap.title ?? titles.get(gap.keyFactor) ?? gap.keyFactor)} | ${formatScore(gap.score)} | ${formatScore(gap.target)} | ${formatScore(gap.difference)} | ${formatScore(gap.priority)} |`);
  }
  lines.push("", "## Practices to learn from", "");
  const recommendations = report.recommendations ?? [];
  if (recommendations.length === 0) lines.push("No gaps with linked practices.");
  for (const rec of recommendations) {
    lines.push(`### ${m(titles.get(rec.keyFactor) ?? rec.keyFactor)}`, "");
    for (const p of rec.practices) lines.push(`- **${m(p.title ?? p.practice)}**${p.city ? ` (${m(p.city)})` : ""} — ${m(p.reason)}`);
    lines.push("");
  }
  lines.push("## Mentor candidates", "");
  const mentors = report.mentors ?? [];
  if (mentors.length === 0) lines.push("Give peer assessments (--peers) to see mentor candidates.");
  mentors.forEach((mentor, i) => lines.push(`${i + 1}. **${m(mentor.subject)}** (match ${Math.round(mentor.match * 100)}%) — ${m(mentor.reason)}`));
  lines.push("", "## How each score was made", "");
  for (const row of rows) {
    lines.push(`### ${m(row.title)} — ${scoreCell(row.node.score, row.node.status)}`, "", "| Input | Answer | Score | Weight | Contribution | Note |", "|---|---|---:|---:|---:|---|");
    for (const entry of row.node.trace ?? []) {
      const child = (row.node.children ?? []).find((c) => c.ref === entry.ref);
      lines.push(`| ${m(child?.title ?? entry.ref)} | ${m(child?.answer ?? "")} | ${formatScore(entry.score)} | ${formatScore(entry.weight)} | ${formatScore(entry.contribution ?? null)} | ${m(entry.note ?? "")} |`);
    }
    lines.push("");
  }
  for (const message of report.messages ?? []) lines.push(`> **${message.severity}** \`${message.code}\` ${m(message.message)}`);
  return `${lines.join("\n").trimEnd()}\n`;
}
