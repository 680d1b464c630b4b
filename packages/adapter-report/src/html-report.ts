import { answerEntries, type AnswerEntry } from "./answers";
import type { Provenance } from "@cohesion/schema";
import { escapeHtml as e, formatScore, isWebAddress } from "./escape";
import { gapChart } from "./gap-chart";
import { REPORT_STYLE } from "./html-style";
import { keyFactorRows, type KeyFactorRow, type ReportInput } from "./model";
import { PROVENANCE_MEANING, showsProvenance } from "./provenance";
import { radarChart, statusLabel } from "./radar-chart";
import { headlineSentences, introLines, noMentorsSentence, noPracticesSentence, rankOf, type Fact } from "./report-text";
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
  type AnswerDetails,
} from "./report-data";

/** Dates stay on one line: "2026-12-01", never "2026-12-" and "01". */
function date(text: string): string {
  return `<span class="nowrap">${e(text)}</span>`;
}

function scoreHtml(score: number | null, status: string): string {
  return score === null ? `<span class="insufficient">${e(statusLabel(status))}</span>` : formatScore(score);
}

/** The mark after a piece of text saying whose words it is: a small labelled tag, nothing when unmarked. */
function provenanceTag(mark: Provenance | undefined): string {
  return mark === undefined ? "" : ` <span class="prov prov-${mark}" title="${e(PROVENANCE_MEANING[mark])}">${mark}</span>`;
}

function provenanceLegend(input: ReportInput): string {
  if (!showsProvenance(input)) return "";
  return `<p class="note prov-legend"><strong>Whose words:</strong>${provenanceTag("source")} ${e(PROVENANCE_MEANING.source)};${provenanceTag("editorial")} ${e(PROVENANCE_MEANING.editorial)}. Text without a tag is not marked either way.</p>`;
}

function factHtml(fact: Fact): string {
  return fact.date ? `${e(fact.label)} ${date(fact.date)}` : e(fact.label);
}

/**
 * Renders a score report as one self-contained HTML page: inline styles, inline SVG charts, no scripts and
 * no network requests, readable on a phone, a desktop screen and in print. When the assessment is given,
 * each answer shows its evidence, evidence links and notes.
 *
 * @example
 * ```ts
 * const html = renderHtmlReport({ report, assessment, benchmark, scale, generatedOn: "2026-11-22" });
 * await writeFile("report.html", html);
 * ```
 */
export function renderHtmlReport(input: ReportInput): string {
  const { report } = input;
  const rows = keyFactorRows(input);
  const peers = peersOf(input);
  const overall = report.overall;
  const subject = report.assessment?.subject ?? "assessment";
  const title = `${report.benchmark.title ?? report.benchmark.id} — ${subject}`;
  const parts: string[] = [];
  const intro = introLines(input);
  parts.push(`<header><p class="kicker">Integration self-assessment report</p><h1>${e(title)}</h1><p class="meta">${intro.map(factHtml).join(" · ")}</p></header>`);
  if (isIllustrative(input)) {
    parts.push(`<p class="illustrative" role="note"><strong>Illustrative assessment.</strong> The answers were made up to show how the tools work; this page is not a real rating of ${e(subject)}.</p>`);
  }
  const cards = [
    overall.score === null
      ? `<div class="card"><div class="figure insufficient" data-testid="overall-score">No score</div><div>overall: ${e(statusLabel(overall.status))}, see below</div></div>`
      : `<div class="card"><div class="figure" data-testid="overall-score">${formatScore(overall.score)}</div><div>overall score out of 100${overall.band ? ` · <span class="badge">${e(overall.band.label)}</span>` : ""}</div></div>`,
    `<div class="card"><div class="figure">${Math.round(overall.coverage * 100)}%</div><div>of the applicable guide questions answered</div></div>`,
  ];
  if (report.standardMet !== undefined) cards.push(`<div class="card"><div class="figure">${report.standardMet === null ? "Unknown" : report.standardMet ? "Met" : "Not met"}</div><div>the benchmark's standard</div></div>`);
  const rank = rankOf(peers);
  if (rank) cards.push(`<div class="card"><div class="figure">${e(rank.figure)}</div><div>${e(rank.caption)}</div></div>`);
  parts.push(`<section class="summary" aria-label="Summary">${cards.join("")}</section>`);
  parts.push(`<div class="covers">${headlineSentences(input).map((s) => `<p>${e(s)}</p>`).join("")}</div>`);
  const bands = bandsSentence(report);
  if (bands) parts.push(`<p class="note"><strong>Bands:</strong> ${e(bands)}</p>`);

  parts.push(`<h2>Key factors</h2>${radarChart(rows)}`);
  parts.push(keyFactorTable(rows, peers !== undefined));
  parts.push(gapsSection(input));
  parts.push(practicesSection(input));
  parts.push(mentorsSection(input));
  parts.push(
    `<h2>Answers, evidence and how each score was made</h2><p class="note">Each answer is read on the scale as a score from 0 to 100. A key factor's score is the weighted mean of its questions that have a score; n/a answers are left out, and unanswered questions lower the coverage instead of counting as zero.</p>${provenanceLegend(input)}${rows.map((row, i) => keyFactorAnswers(input, row, i)).join("")}`,
  );
  const context = assessmentContext(input);
  const notes = [...(context.notes ? [`About this assessment: ${context.notes}`] : []), ...readableNotes(report)];
  if (notes.length > 0) parts.push(`<h2>Notes</h2><ul>${notes.map((n) => `<li>${e(n)}</li>`).join("")}</ul>`);
  const settings = parameterSentences(report);
  parts.push(
    `<footer class="note"><p>Scored with the ${e(report.model.title ?? report.model.id)} model (version ${e(report.model.version)})${settings.length > 0 ? `: ${e(settings.join("; "))}` : ""}.</p></footer>`,
  );
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"><title>${e(title)}</title><style>${REPORT_STYLE}</style></head><body><main>${parts.join("\n")}</main></body></html>\n`;
}

function keyFactorTable(rows: readonly KeyFactorRow[], withPeers: boolean): string {
  const body = rows
    .map(
      (row, i) =>
        `<tr><td class="kf-no">${i + 1}</td><td class="kf-title">${e(row.title)}</td><td class="kf-section" data-label="Section">${e(row.section)}</td><td class="num" data-label="Score">${scoreHtml(row.node.score, row.node.status)}</td><td data-label="Band">${row.node.band ? e(row.node.band.label) : "–"}</td><td class="num" data-label="Answered">${Math.round(row.node.coverage * 100)}%</td>${withPeers ? `<td class="num" data-label="Peers' median">${formatScore(row.peerMedian)}</td>` : ""}</tr>`,
    )
    .join("");
  return `<table class="key-factors"><thead><tr><th scope="col">No.</th><th scope="col">Key factor</th><th scope="col">Section</th><th scope="col" class="num">Score</th><th scope="col">Band</th><th scope="col" class="num">Answered</th>${withPeers ? `<th scope="col" class="num">Peers' median</th>` : ""}</tr></thead><tbody>${body}</tbody></table>`;
}

function gapsSection(input: ReportInput): string {
  const { targetsSet, gaps, strengths } = targetsOf(input.report);
  if (!targetsSet) return `<h2>Gaps to target</h2><p class="note">No targets were set, so no gaps are measured. Add targets to the assessment (a score per key factor under <code>targets</code>) to see how far each key factor is from where the city wants it.</p>`;
  const parts = [`<h2>Gaps to target</h2>`];
  if (gaps.length === 0) parts.push(`<p>Every key factor with a target has reached it.</p>`);
  else {
    parts.push(
      `<p class="note">The priority orders the gaps: the gap (target minus score) times the key factor's weight in the overall score, so a wide gap in a heavily weighted key factor comes first.</p>`,
      gapChart(gaps),
    );
  }
  if (strengths.length > 0) {
    parts.push(`<h3>At or above target</h3><ul>${strengths.map((s) => `<li>${e(s.title ?? s.keyFactor)}: ${formatScore(s.score)} against a target of ${formatScore(s.target)}</li>`).join("")}</ul>`);
  }
  return parts.join("");
}

function practicesSection(input: ReportInput): string {
  const groups = practiceGroups(input);
  const head = `<h2>Practices to learn from</h2>`;
  if (groups.length === 0) return `${head}<p class="note">${e(noPracticesSentence(input))}</p>`;
  const unknown = unknownProfileNotes(input.report);
  const intro = `<p class="note">Practices from other cities linked to the key factors with the largest gaps, most relevant first.${unknown.length > 0 ? ` How alike the cities are cannot be fully judged: ${e(unknown.join(" "))}` : ""}</p>`;
  const items = groups
    .map(
      (p) =>
        `<li><strong>${e(p.title)}</strong>${p.where ? ` — ${e(p.where)}` : ""}${p.similarity !== undefined && p.similarity > 0 ? ` · ${Math.round(p.similarity * 100)}% alike` : ""}<br><span class="note">Helps with: ${e(p.keyFactors.join("; "))}</span></li>`,
    )
    .join("");
  return `${head}${intro}<ul class="practices">${items}</ul>`;
}

function mentorsSection(input: ReportInput): string {
  const mentors = mentorsOf(input);
  const head = `<h2>Mentor candidates</h2>`;
  if (mentors.length === 0) return `${head}<p class="note">${e(noMentorsSentence(input))}</p>`;
  return `${head}<p class="note">Cities or schemes ahead where this assessment is weakest, best match first. The match (0–100%) blends how far ahead they are with how alike the places are.</p><ol class="mentors">${mentors
    .map((m) => `<li><strong>${e(m.name)}</strong>${typeof m.score === "number" ? ` · match ${Math.round(m.score)}%` : ""}<br><span class="note">${e(m.reason)}</span></li>`)
    .join("")}</ol>`;
}

function detailsHtml(details: AnswerDetails | undefined): string {
  if (!details) return "";
  const parts: string[] = [];
  if (details.evidence) parts.push(`<p><strong>Evidence:</strong> ${e(details.evidence)}${provenanceTag(details.evidenceProvenance)}</p>`);
  if (details.links.length > 0) {
    parts.push(`<p><strong>Evidence links:</strong></p><ul>${details.links.map((l) => `<li>${isWebAddress(l.url) ? `<a href="${e(l.url)}">${e(l.title)}</a>` : `${e(l.title)} <span class="note">(${e(l.url)}, not a web address)</span>`}${l.date ? ` (${date(l.date)})` : ""}</li>`).join("")}</ul>`);
  }
  if (details.notes) parts.push(`<p><strong>Notes:</strong> ${e(details.notes)}${provenanceTag(details.notesProvenance)}</p>`);
  return `<div class="evidence">${parts.join("")}</div>`;
}

function questionsHtml(entries: readonly AnswerEntry[], sub: boolean): string {
  return `<ol class="questions${sub ? " sub" : ""}">${entries
    .map(
      (q) =>
        `<li class="question"><p class="q-text">${e(q.text)}${provenanceTag(q.textProvenance)}</p><p class="q-answer">Answer: <span class="answer">${e(q.answer)}</span>${q.score === undefined ? "" : ` · score ${e(q.score)}`}${q.counted ? ` · ${e(q.counted)}` : ""}</p>${q.note ? `<p class="rollup">${e(q.note)}</p>` : ""}${detailsHtml(q.details)}${q.rollUp ? `<p class="rollup">${e(q.rollUp)}</p>` : ""}${q.subQuestions.length > 0 ? questionsHtml(q.subQuestions, true) : ""}</li>`,
    )
    .join("")}</ol>`;
}

function keyFactorAnswers(input: ReportInput, row: KeyFactorRow, index: number): string {
  const node = row.node;
  return `<details class="kf" open><summary>${index + 1}. ${e(row.title)} — ${scoreHtml(node.score, node.status)}${node.band ? ` (${e(node.band.label)})` : ""} · ${Math.round(node.coverage * 100)}% answered</summary>${questionsHtml(answerEntries(input, row), false)}</details>`;
}
