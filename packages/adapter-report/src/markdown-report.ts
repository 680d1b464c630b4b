import { answerEntries, type AnswerEntry } from "./answers";
import type { Provenance } from "@cohesion/schema";
import { escapeMarkdown as m, formatScore, isWebAddress } from "./escape";
import { keyFactorRows, type ReportInput } from "./model";
import { PROVENANCE_MEANING, showsProvenance } from "./provenance";
import { statusLabel } from "./radar-chart";
import {
  assessmentContext,
  bandsSentence,
  isIllustrative,
  mentorsOf,
  parameterSentences,
  peersOf,
  practiceGroups,
  readableNotes,
  targetsOf,
  unknownProfileNotes,
} from "./report-data";
import { headlineSentences, introLines, noMentorsSentence, noPracticesSentence, rankOf } from "./report-text";

/** A Markdown link target: angle brackets keep spaces and parentheses in an address from ending it. */
function linkTarget(url: string): string {
  return `<${url.replace(/[<>\s]/g, (ch) => encodeURIComponent(ch))}>`;
}

/** The mark after a piece of text saying whose words it is, nothing when unmarked. */
function tag(mark: Provenance | undefined): string {
  return mark === undefined ? "" : ` _(${mark})_`;
}

function questionLines(entries: readonly AnswerEntry[], depth: number): string[] {
  const pad = "  ".repeat(depth);
  const lines: string[] = [];
  for (const q of entries) {
    // A backslash at the end of a line is a hard line break (CommonMark): question, answer and note on lines of their own.
    lines.push(`${pad}- **${m(q.text)}**${tag(q.textProvenance)}\\`);
    lines.push(`${pad}  Answer: **${m(q.answer)}**${q.score === undefined ? "" : ` · score ${m(q.score)}`}${q.counted ? ` · ${m(q.counted)}` : ""}${q.note ? "\\" : ""}`);
    if (q.note) lines.push(`${pad}  _${m(q.note)}_`);
    const d = q.details;
    if (d?.evidence) lines.push(`${pad}  - Evidence: ${m(d.evidence)}${tag(d.evidenceProvenance)}`);
    for (const link of d?.links ?? []) {
      const shown = isWebAddress(link.url) ? `[${m(link.title)}](${linkTarget(link.url)})` : `${m(link.title)} (${m(link.url)}, not a web address)`;
      lines.push(`${pad}  - Evidence link: ${shown}${link.date ? ` (${link.date})` : ""}`);
    }
    if (d?.notes) lines.push(`${pad}  - Notes: ${m(d.notes)}${tag(d.notesProvenance)}`);
    if (q.rollUp) lines.push(`${pad}  - Rolled up from its sub-questions: ${m(q.rollUp)}`);
    lines.push(...questionLines(q.subQuestions, depth + 1));
  }
  return lines;
}

/**
 * Renders a score report as Markdown: the same content as the HTML page, with tables in place of charts.
 *
 * @example
 * ```ts
 * const markdown = renderMarkdownReport({ report, assessment, scale });
 * ```
 */
export function renderMarkdownReport(input: ReportInput): string {
  const { report } = input;
  const rows = keyFactorRows(input);
  const peers = peersOf(input);
  const scoreCell = (score: number | null, status: string) => (score === null ? `_${statusLabel(status)}_` : formatScore(score));
  const subject = report.assessment?.subject ?? "assessment";
  const lines: string[] = [];
  lines.push(`# ${m(report.benchmark.title ?? report.benchmark.id)} — ${m(subject)}`, "");
  lines.push(introLines(input).map((fact) => m(fact.date ? `${fact.label} ${fact.date}` : fact.label)).join(" · "), "");
  if (isIllustrative(input)) lines.push(`> **Illustrative assessment.** The answers were made up to show how the tools work; this is not a real rating of ${m(subject)}.`, "");
  const overall = report.overall;
  lines.push(overall.score === null ? `- **Overall score:** none (${statusLabel(overall.status)})` : `- **Overall score:** ${formatScore(overall.score)} out of 100${overall.band ? ` (${m(overall.band.label)})` : ""}`);
  lines.push(`- **Answered:** ${Math.round(overall.coverage * 100)}% of the applicable guide questions`);
  if (report.standardMet !== undefined) lines.push(`- **The benchmark's standard:** ${report.standardMet === null ? "cannot be told" : report.standardMet ? "met" : "not met"}`);
  const rank = rankOf(peers);
  if (rank) lines.push(`- **${m(rank.caption.replace(/^./, (c) => c.toUpperCase()))}:** ${m(rank.figure)}`);
  lines.push("", ...headlineSentences(input).map(m).flatMap((s) => [s, ""]));
  const bands = bandsSentence(report);
  if (bands) lines.push(`**Bands:** ${m(bands)}`, "");

  lines.push("## Key factors", "");
  lines.push(`| No. | Key factor | Section | Score | Band | Answered |${peers ? " Peers' median |" : ""}`);
  lines.push(`|---:|---|---|---:|---|---:|${peers ? "---:|" : ""}`);
  rows.forEach((row, i) => {
    lines.push(
      `| ${i + 1} | ${m(row.title)} | ${m(row.section)} | ${scoreCell(row.node.score, row.node.status)} | ${row.node.band ? m(row.node.band.label) : "–"} | ${Math.round(row.node.coverage * 100)}% |${peers ? ` ${formatScore(row.peerMedian)} |` : ""}`,
    );
  });

  lines.push("", "## Gaps to target", "");
  const { targetsSet, gaps, strengths } = targetsOf(report);
  if (!targetsSet) lines.push("No targets were set, so no gaps are measured. Add targets to the assessment (a score per key factor under `targets`) to see how far each key factor is from where the city wants it.");
  else {
    if (gaps.length === 0) lines.push("Every key factor with a target has reached it.");
    else {
      lines.push("The priority orders the gaps: the gap (target minus score) times the key factor's weight in the overall score, so a wide gap in a heavily weighted key factor comes first.", "");
      lines.push("| Key factor | Score | Target | Gap | Priority |", "|---|---:|---:|---:|---:|");
      for (const gap of gaps) lines.push(`| ${m(gap.title ?? gap.keyFactor)} | ${formatScore(gap.score)} | ${formatScore(gap.target)} | ${formatScore(gap.difference)} | ${formatScore(gap.priority)} |`);
    }
    if (strengths.length > 0) {
      lines.push("", "### At or above target", "");
      for (const s of strengths) lines.push(`- ${m(s.title ?? s.keyFactor)}: ${formatScore(s.score)} against a target of ${formatScore(s.target)}`);
    }
  }

  lines.push("", "## Practices to learn from", "");
  const groups = practiceGroups(input);
  if (groups.length === 0) lines.push(m(noPracticesSentence(input)));
  else {
    const unknown = unknownProfileNotes(report);
    lines.push(`Practices from other cities linked to the key factors with the largest gaps, most relevant first.${unknown.length > 0 ? ` How alike the cities are cannot be fully judged: ${m(unknown.join(" "))}` : ""}`, "");
    for (const p of groups) {
      lines.push(`- **${m(p.title)}**${p.where ? ` — ${m(p.where)}` : ""}${p.similarity !== undefined && p.similarity > 0 ? ` · ${Math.round(p.similarity * 100)}% alike` : ""}  `, `  Helps with: ${m(p.keyFactors.join("; "))}`);
    }
  }

  lines.push("", "## Mentor candidates", "");
  const mentors = mentorsOf(input);
  if (mentors.length === 0) lines.push(m(noMentorsSentence(input)));
  else {
    lines.push("Cities or schemes ahead where this assessment is weakest, best match first. The match (0–100%) blends how far ahead they are with how alike the places are.", "");
    mentors.forEach((mentor, i) => lines.push(`${i + 1}. **${m(mentor.name)}**${typeof mentor.score === "number" ? ` · match ${Math.round(mentor.score)}%` : ""}  `, `   ${m(mentor.reason)}`));
  }

  lines.push("", "## Answers, evidence and how each score was made", "");
  lines.push("Each answer is read on the scale as a score from 0 to 100. A key factor's score is the weighted mean of its questions that have a score; n/a answers are left out, and unanswered questions lower the coverage instead of counting as zero.", "");
  if (showsProvenance(input)) lines.push(`**Whose words:** _(source)_ ${m(PROVENANCE_MEANING.source)}; _(editorial)_ ${m(PROVENANCE_MEANING.editorial)}. Text without a mark is not marked either way.`, "");
  rows.forEach((row, i) => {
    lines.push(`### ${i + 1}. ${m(row.title)} — ${scoreCell(row.node.score, row.node.status)}${row.node.band ? ` (${m(row.node.band.label)})` : ""} · ${Math.round(row.node.coverage * 100)}% answered`, "");
    lines.push(...questionLines(answerEntries(input, row), 0), "");
  });
  const context = assessmentContext(input);
  const notes = [...(context.notes ? [`About this assessment: ${context.notes}`] : []), ...readableNotes(report)];
  if (notes.length > 0) lines.push("## Notes", "", ...notes.map((n) => `- ${m(n)}`), "");
  const settings = parameterSentences(report);
  lines.push(`_Scored with the ${m(report.model.title ?? report.model.id)} model (version ${report.model.version})${settings.length > 0 ? `: ${m(settings.join("; "))}` : ""}._`);
  return `${lines.join("\n").trimEnd()}\n`;
}
