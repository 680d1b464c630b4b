import type { Gap, MentorCandidate, ScoreReport, ValidationProblem } from "@cohesion/schema";
import { joinPointer } from "@cohesion/schema";
import { indexPlaces, subjectProfile } from "./profiles";
import { scoringProblem } from "../problems";
import { keyFactorScores, looseScoreReportProblems } from "./report-input";
import type { ScoringResult } from "../result";
import { fail, optionsOf, safely, succeed } from "../result";
import type { SimilarityWeights } from "./similarity";
import { citySimilarity, DEFAULT_SIMILARITY_WEIGHTS, likeness, pairingNotes, subjectUnknownMessage } from "./similarity";
import type { ReportMessage } from "../types";

/**
 * Options of {@link matchMentors}.
 *
 * @example
 * ```ts
 * const options: MentorOptions = { places, limit: 3, strengthWeight: 0.6 };
 * ```
 */
export interface MentorOptions {
  /** Place profiles of the mentee and the candidates. */
  readonly places?: readonly unknown[];
  /** Where the mentee is weak; default the mentee report's `gaps`, else every scored key factor weighted by 100 − score. */
  readonly gaps?: readonly Gap[];
  /** How many candidates to return; default 5. */
  readonly limit?: number;
  /** Share of strength in the match, the rest being similarity of context; default 0.7. */
  readonly strengthWeight?: number;
  readonly weights?: SimilarityWeights;
  /** True when the caller has validated the places against place.schema.json already (see `PracticeOptions.validated`). */
  readonly validated?: boolean;
}

/**
 * The ranked mentor candidates and notes (such as candidates left out).
 *
 * @example
 * ```ts
 * result.report.mentors[0]?.reason;
 * ```
 */
export interface MentorMatches {
  readonly mentors: MentorCandidate[];
  readonly messages: ReportMessage[];
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function sameSubject(a: ScoreReport, b: ScoreReport): boolean {
  const x = a.assessment;
  const y = b.assessment;
  if (!x || !y) return false;
  if (x.id === y.id) return true;
  if (x.subjectRef !== undefined && y.subjectRef !== undefined) return x.subjectRef === y.subjectRef;
  return x.subject.trim().toLowerCase() === y.subject.trim().toLowerCase() && x.country === y.country;
}

/**
 * Ranks other subjects as mentors for the mentee: how far each is ahead where the mentee is weak
 * (weighted by how pressing each weakness is), blended with how alike the two cities are. The mentee
 * itself (same assessment, same place or scheme, or same name and country) is never proposed, nor is a
 * subject ahead nowhere the mentee is weak. Each pairing comes with the key factors behind it and a reason.
 *
 * @example
 * ```ts
 * const result = matchMentors(menteeReport, otherReports, { places });
 * if (result.ok) result.report.mentors.map((m) => `${m.subject}: ${m.reason}`);
 * ```
 */
export function matchMentors(mentee: unknown, candidates: unknown, options: MentorOptions = {}): ScoringResult<MentorMatches> {
  return safely(() => match(mentee, candidates, optionsOf(options)));
}

function match(mentee: unknown, candidates: unknown, options: MentorOptions): ScoringResult<MentorMatches> {
  const problems: ValidationProblem[] = looseScoreReportProblems(mentee, "/mentee");
  if (!Array.isArray(candidates)) {
    problems.push(scoringProblem("invalid_input", "/candidates", { what: "The candidates", detail: "expected an array of score reports" }));
  } else {
    // A candidate listed twice would be proposed twice.
    const first = new Map<string, number>();
    candidates.forEach((c: unknown, i) => {
      const found = looseScoreReportProblems(c, joinPointer("/candidates", i));
      problems.push(...found);
      const id = found.length === 0 ? (c as ScoreReport).assessment?.id : undefined;
      if (id === undefined) return;
      const at = first.get(id);
      if (at === undefined) first.set(id, i);
      else problems.push(scoringProblem("duplicate_assessment", joinPointer("/candidates", i, "assessment", "id"), { id, first: joinPointer("/candidates", at, "assessment", "id") }));
    });
  }
  const strengthWeight = options.strengthWeight ?? 0.7;
  if (!(typeof strengthWeight === "number" && strengthWeight >= 0 && strengthWeight <= 1)) {
    problems.push(scoringProblem("invalid_input", "/strengthWeight", { what: "The strength weight", detail: "it must be a number from 0 to 1" }));
  }
  if (options.gaps !== undefined && !Array.isArray(options.gaps)) {
    problems.push(scoringProblem("invalid_input", "/gaps", { what: "The gaps", detail: "expected an array of gaps from findGaps" }));
  }
  const { index, problems: placeProblems } = indexPlaces(options.places, "/places", undefined, options.validated === true);
  problems.push(...placeProblems);
  if (problems.length > 0) return fail(problems);

  const menteeReport = mentee as ScoreReport;
  const menteeScores = keyFactorScores(menteeReport);
  const weak = new Map<string, number>();
  const gaps = options.gaps ?? menteeReport.gaps;
  if (gaps !== undefined) {
    for (const gap of gaps) if (gap.priority > 0) weak.set(gap.keyFactor, gap.priority);
  } else {
    for (const [ref, { score }] of menteeScores) if (score !== null && score < 100) weak.set(ref, 100 - score);
  }
  const totalWeakness = [...weak.values()].reduce((a, b) => a + b, 0);
  const mentee_ = subjectProfile(menteeReport, index);
  const messages: ReportMessage[] = [];
  let selfSkipped = 0;
  let otherBenchmark = 0;
  let noLead = 0;
  const ranked: MentorCandidate[] = [];
  for (const candidate of candidates as ScoreReport[]) {
    if (sameSubject(menteeReport, candidate)) {
      selfSkipped++;
      continue;
    }
    if (candidate.benchmark.id !== menteeReport.benchmark.id) {
      otherBenchmark++;
      continue;
    }
    const scores = keyFactorScores(candidate);
    const leads: MentorCandidate["keyFactors"] = [];
    let strengthSum = 0;
    for (const [ref, weakness] of weak) {
      const mine = menteeScores.get(ref)?.score;
      const theirs = scores.get(ref)?.score;
      if (mine === null || mine === undefined || theirs === null || theirs === undefined || theirs <= mine) continue;
      strengthSum += weakness * ((theirs - mine) / 100);
      const lead: MentorCandidate["keyFactors"][number] = { keyFactor: ref, mentorScore: theirs, menteeScore: mine, lead: theirs - mine };
      const title = menteeScores.get(ref)?.title;
      if (title !== undefined) lead.title = title;
      leads.push(lead);
    }
    if (leads.length === 0 || totalWeakness === 0) {
      noLead++;
      continue;
    }
    leads.sort((a, b) => b.lead - a.lead || (a.keyFactor < b.keyFactor ? -1 : 1));
    const strength = Math.min(1, strengthSum / totalWeakness);
    const mentor_ = subjectProfile(candidate, index);
    const { similarity, factors } = citySimilarity(mentee_.profile, mentor_.profile, options.weights ?? DEFAULT_SIMILARITY_WEIGHTS);
    const match = Math.min(1, Math.max(0, strengthWeight * strength + (1 - strengthWeight) * similarity));
    const name = candidate.assessment?.subject ?? "the mentor";
    const ahead = leads
      .slice(0, 3)
      .map((l) => `"${l.title ?? l.keyFactor}" (${round(l.mentorScore)} against ${round(l.menteeScore)})`)
      .join(", ");
    const reason =
      `${name} is ahead where ${mentee_.profile.name} is weak: ${ahead}${leads.length > 3 ? ` and ${leads.length - 3} more` : ""}. ` +
      `The two share ${likeness(factors)} (similarity ${Math.round(similarity * 100)}%). ${pairingNotes(factors, mentee_.profile)}`;
    const entry: MentorCandidate = {
      assessment: candidate.assessment?.id ?? "",
      subject: name,
      match,
      strength,
      similarity,
      similarityFactors: factors,
      keyFactors: leads,
      reason,
    };
    if (candidate.assessment?.subjectRef !== undefined) entry.subjectRef = candidate.assessment.subjectRef;
    ranked.push(entry);
  }
  ranked.sort((a, b) => b.match - a.match || (a.assessment < b.assessment ? -1 : a.assessment > b.assessment ? 1 : 0));
  if (selfSkipped > 0) {
    messages.push({ code: "mentor_self_skipped", severity: "info", message: `${selfSkipped} report(s) of the mentee itself were left out.`, params: { count: selfSkipped } });
  }
  if (otherBenchmark > 0) {
    messages.push({ code: "mentor_other_benchmark", severity: "info", message: `${otherBenchmark} report(s) on another benchmark were left out.`, params: { count: otherBenchmark } });
  }
  if (noLead > 0) {
    messages.push({
      code: "mentor_no_lead",
      severity: "info",
      message: `${noLead} candidate(s) are ahead nowhere ${mentee_.profile.name} is weak and were left out.`,
      params: { count: noLead },
    });
  }
  const unknown = subjectUnknownMessage(mentee_.profile);
  if (unknown && ranked.length > 0) messages.push(unknown);
  const limit = typeof options.limit === "number" && options.limit >= 0 ? options.limit : 5;
  return succeed({ mentors: ranked.slice(0, limit), messages });
}
