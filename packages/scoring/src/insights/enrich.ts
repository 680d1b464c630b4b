import type { Assessment, Benchmark, Practice, ScoreReport, ValidationProblem } from "@cohesion/schema";
import { describePointer } from "@cohesion/schema";
import { attachGaps } from "./gaps";
import { matchMentors } from "./mentors";
import { peerPosition } from "./peers";
import type { PeerOptions } from "./peers";
import { recommendPractices } from "./practices";
import type { ScoringResult } from "../result";
import { fail, optionsOf, safely, succeed } from "../result";
import { scoringProblem } from "../problems";
import type { ReportMessage } from "../types";

/**
 * What {@link enrichReport} adds to a score report; each part is optional.
 *
 * @example
 * ```ts
 * const options: EnrichOptions = { targets: assessment.targets, practices, places, peers: allReports, mentors: allReports };
 * ```
 */
export interface EnrichOptions {
  /** The assessment's targets, for gaps and strengths. */
  readonly targets?: Assessment["targets"];
  /** One target for every key factor instead of the assessment's. */
  readonly uniformTarget?: number;
  /** Practices to recommend for the gaps. */
  readonly practices?: readonly Practice[];
  /** The benchmark, so practices its key factors list count too. */
  readonly benchmark?: Benchmark;
  /** Place profiles for similarity and peer groups. */
  readonly places?: readonly unknown[];
  /** Score reports to rank the subject among (the subject's own included or not). */
  readonly peers?: readonly ScoreReport[];
  /** Peer group bands and histogram bins. */
  readonly peerOptions?: Omit<PeerOptions, "places">;
  /** Score reports of candidate mentors. */
  readonly mentors?: readonly ScoreReport[];
  /** How many mentors to propose; default 5. */
  readonly mentorLimit?: number;
  /**
   * True when the caller has validated the practices and places against their schemas already (a plugin
   * host does, against the schemas its plugins extend): the schema check is not repeated, only the types
   * of the fields read are checked. Default false: they are validated against the core schemas, which
   * call a field a plugin adds unknown.
   */
  readonly validated?: boolean;
}

/**
 * Fills a score report's gaps, strengths, recommendations, peers and mentors in one call, merging
 * the notes of each step into `messages`. Steps without their input are skipped; the first step that
 * fails returns its errors.
 *
 * @example
 * ```ts
 * const scored = scoreAssessment(assessment, benchmark);
 * if (scored.ok) {
 *   const full = enrichReport(scored.report, { targets: assessment.targets, practices, places, peers: reports, mentors: reports });
 *   if (full.ok) render(full.report);
 * }
 * ```
 */
export function enrichReport(report: unknown, options: EnrichOptions = {}): ScoringResult<ScoreReport> {
  return safely(() => enrich(report, optionsOf(options)));
}

function enrich(report: unknown, options: EnrichOptions): ScoringResult<ScoreReport> {
  const withGaps =
    options.targets !== undefined || options.uniformTarget !== undefined
      ? attachGaps(report, options.uniformTarget !== undefined ? { uniformTarget: options.uniformTarget } : { targets: options.targets })
      : attachGaps(report, {});
  if (!withGaps.ok) return withGaps;
  let enriched: ScoreReport = withGaps.report;
  const messages: ReportMessage[] = [...(enriched.messages ?? [])];
  const places = options.places ?? [];
  const validated = options.validated === true;

  if (options.practices !== undefined) {
    const practiceOptions = { practices: options.practices, places, validated, ...(options.benchmark !== undefined ? { benchmark: options.benchmark } : {}) };
    const recommended = recommendPractices(enriched, practiceOptions);
    if (!recommended.ok) return recommended;
    enriched = { ...enriched, recommendations: recommended.report.recommendations };
    messages.push(...recommended.report.messages);
  }
  if (options.peers !== undefined) {
    const id = enriched.assessment?.id ?? "";
    if (!Array.isArray(options.peers)) return fail([scoringProblem("invalid_input", "/peers", { what: "The peers", detail: "expected an array of score reports" })]);
    // The subject first, then every other peer; `kept` remembers where each came from in `peers`.
    const kept: number[] = [];
    const others: unknown[] = [];
    options.peers.forEach((r: ScoreReport | undefined, i) => {
      if (r?.assessment?.id === id) return;
      kept.push(i);
      others.push(r);
    });
    const position = peerPosition(id, [enriched, ...others], { ...options.peerOptions, places, validated: validated || options.peerOptions?.validated === true });
    if (!position.ok) return fail(position.errors.errors.map((p) => movedProblem(p, (pointer) => peerPointer(pointer, kept))));
    enriched = { ...enriched, peers: position.report.peers };
    messages.push(...position.report.messages);
  }
  if (options.mentors !== undefined) {
    const matched = matchMentors(enriched, options.mentors, { places, limit: options.mentorLimit ?? 5, validated });
    if (!matched.ok) return fail(matched.errors.errors.map((p) => movedProblem(p, (pointer) => pointer.replace(/^\/candidates(?=\/|$)/, "/mentors").replace(/^\/mentee(?=\/|$)/, ""))));
    enriched = { ...enriched, mentors: matched.report.mentors };
    messages.push(...matched.report.messages);
  }
  // Practices and mentors may say the same thing about the subject: once is enough.
  const unique = messages.filter((m, i) => messages.findIndex((other) => other.code === m.code && other.message === m.message) === i);
  if (unique.length > 0) enriched = { ...enriched, messages: unique };
  return succeed(enriched);
}

// A problem found in an input enrichReport built from its own options, placed in those options instead
// (`move` maps a pointer): its pointer, a message that names the place, and a repeat's first place.
function movedProblem(problem: ValidationProblem, move: (pointer: string) => string): ValidationProblem {
  const pointer = move(problem.pointer);
  const first = problem.params["first"];
  if (pointer === problem.pointer && typeof first !== "string") return problem;
  return {
    ...problem,
    pointer,
    message: problem.message.split(describePointer(problem.pointer)).join(describePointer(pointer)),
    ...(typeof first === "string" ? { params: { ...problem.params, first: move(first) } } : {}),
  };
}

// A pointer into the list peerPosition was given ([subject, ...kept peers]) as a pointer into the
// caller's input: /reports/0 is the subject's report (the document root), /reports/k is /peers/kept[k-1].
function peerPointer(pointer: string, kept: readonly number[]): string {
  const match = /^\/reports\/(\d+)(\/.*)?$/.exec(pointer);
  if (!match) return pointer;
  const k = Number(match[1]);
  const rest = match[2] ?? "";
  if (k === 0) return rest;
  const from = kept[k - 1];
  return from === undefined ? pointer : `/peers/${from}${rest}`;
}
