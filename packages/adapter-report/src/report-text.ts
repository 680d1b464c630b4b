// Sentences both renderers print the same way: what the report is about and what its headline covers.
import { formatScore } from "./escape";
import type { ReportInput } from "./model";
import { assessmentContext, coverageOf, coverageThreshold, peersOf, targetsOf, type ReportPeers } from "./report-data";

/** One item of the report's opening line; a date is kept on one line by the renderer. */
export interface Fact {
  readonly label: string;
  readonly date?: string;
}

const METHODS: Record<string, string> = { self: "self-assessment", peer: "peer assessment", mentor: "assessment with a mentor city", external: "external assessment" };

/**
 * The report's opening facts: benchmark and version, who assessed and how, when, and the report's date.
 *
 * @example
 * ```ts
 * introLines({ report, generatedOn: "2026-12-01" }).map((f) => f.label);
 * ```
 */
export function introLines(input: ReportInput): Fact[] {
  const { report } = input;
  const context = assessmentContext(input);
  const facts: Fact[] = [{ label: `Benchmark ${report.benchmark.id}, version ${report.benchmark.version}` }];
  if (context.method) facts.push({ label: `${METHODS[context.method] ?? context.method}${context.assessedBy.length > 0 ? ` by ${context.assessedBy.join(", ")}` : ""}` });
  if (report.assessment?.assessedOn) facts.push({ label: "assessed on", date: report.assessment.assessedOn });
  if (input.generatedOn) facts.push({ label: "report of", date: input.generatedOn });
  return facts;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * What the headline score covers, in sentences: how many sections and key factors it draws on, how much
 * was answered, and which sections and key factors could not be scored and why.
 *
 * @example
 * ```ts
 * headlineSentences({ report }); // ["The overall score of 45.8 draws on 1 of 2 sections and 6 of 11 key factors; …", …]
 * ```
 */
export function headlineSentences(input: ReportInput): string[] {
  const { report } = input;
  const coverage = coverageOf(input);
  const overall = report.overall;
  const answered = `${Math.round(coverage.answered * 100)}% of the applicable guide questions were answered`;
  const threshold = coverageThreshold(report);
  const needs = threshold === undefined ? "" : ` (a score needs at least ${Math.round(threshold * 100)}% of its questions answered)`;
  const sentences: string[] = [];
  const sectionPart = coverage.sections.total > 1 ? `${coverage.sections.scored} of ${coverage.sections.total} sections and ` : "";
  if (overall.score === null) {
    sentences.push(`There is no overall score: too little could be scored${needs}. ${answered}.`);
  } else if (coverage.keyFactors.unscored.length === 0 && coverage.sections.unscored.length === 0) {
    sentences.push(`The overall score of ${formatScore(overall.score)} covers every key factor of the benchmark; ${answered}.`);
  } else {
    sentences.push(`The overall score of ${formatScore(overall.score)} draws on ${sectionPart}${coverage.keyFactors.scored} of ${coverage.keyFactors.total} key factors only; ${answered}.`);
  }
  const saidNeeds = overall.score === null;
  if (coverage.sections.unscored.length > 0) sentences.push(`Sections without a score${saidNeeds ? "" : needs}: ${list(coverage.sections.unscored.map((s) => s.title ?? s.ref))}.`);
  if (coverage.keyFactors.unscored.length > 0) {
    sentences.push(`Key factors without a score${saidNeeds || coverage.sections.unscored.length > 0 ? "" : needs}: ${list(coverage.keyFactors.unscored.map((r) => r.title))}. Answering their questions will change the overall score.`);
  }
  return sentences;
}

/**
 * The subject's rank among its peers for the summary: "2 of 5" with its caption, or "Not ranked" when the
 * subject has no overall score to rank.
 *
 * @example
 * ```ts
 * rankOf({ count: 5, medians: {}, rank: "2 of 5", group: "All subjects" }); // { figure: "2 of 5", caption: "rank among peers (All subjects)" }
 * ```
 */
export function rankOf(peers: ReportPeers | undefined): { figure: string; caption: string } | undefined {
  if (!peers?.rank) return undefined;
  const group = peers.group ? ` (${peers.group})` : "";
  if (peers.rank.startsWith("unranked")) return { figure: "Not ranked", caption: `among ${peers.count} peers${group}: there is no overall score to rank` };
  return { figure: peers.rank, caption: `rank among peers${group}` };
}

/** Why no practice is suggested. */
export function noPracticesSentence(input: ReportInput): string {
  return targetsOf(input.report).targetsSet
    ? "No practice in the installed content is linked to the key factors below target."
    : "Practices are suggested for the key factors below their targets; with no targets set, there are none to suggest.";
}

/** Why no mentor is proposed. */
export function noMentorsSentence(input: ReportInput): string {
  return peersOf(input) === undefined
    ? "No mentor candidates: they are drawn from peer assessments of the same benchmark (the command line's --peers folder)."
    : "No peer assessment is ahead of this one where it is weakest, so no mentor is proposed.";
}
