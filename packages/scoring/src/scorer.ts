import type { Assessment, Benchmark, Scale, ScoreReport, ValidationProblem } from "@cohesion/schema";
import type { AnswerArrays } from "./aggregate";
import { compileTree, questionOrder, scoreCompiledTree } from "./aggregate";
import type { AnyScoringModel, ScoringContext } from "./model";
import { parseParameters } from "./parameters";
import type { BenchmarkPlan } from "./plan";
import { planBenchmark } from "./plan";
import { scoringProblem } from "./problems";
import type { AnswerChecks } from "./quick-check";
import { assessmentChecks, surelyValid } from "./quick-check";
import type { ScoringResult } from "./result";
import { fail, hasErrors, optionsOf, safely, succeed } from "./result";
import { NOT_APPLICABLE, normaliseScale } from "./scale";
import type { ScoreOptions } from "./score";
import { checkDocument, checkModelOutput, frameReport, modelFailed, resolveModel, resolveScale, scoreThoroughly, tagged } from "./score-steps";

/**
 * Scores many assessments of one benchmark: the benchmark, model, parameters and scale are checked
 * and compiled once, then `score` reads each assessment's answers in one pass. Each result is the one
 * {@link scoreAssessment} gives for the same input: an assessment that is not plainly valid (garbage,
 * another benchmark, an unknown question, a level off the scale, a deprecated field…) is scored
 * step by step and gets the same report of problems.
 *
 * @example
 * ```ts
 * const scorer = createScorer(benchmark, { explain: false, detail: "key-factors" });
 * if (scorer.ok) {
 *   const results = assessments.map((a) => scorer.report.score(a));
 * }
 * ```
 */
export interface Scorer {
  /** The benchmark scored against. */
  readonly benchmark: { readonly id: string; readonly version: string; readonly title: string };
  /** The model and its parameters (defaults filled in, frozen: every report shares them). */
  readonly model: { readonly id: string; readonly version: string; readonly title: string; readonly parameters: unknown };
  /** Scores one assessment; never throws. */
  score(assessment: unknown): ScoringResult<ScoreReport>;
}

interface ScaleEntry {
  readonly scale: Scale;
  readonly points: ReadonlyMap<string, number>;
  /** Levels whose points the quick path may use: on the scale and valid answer levels. */
  readonly quickPoints: ReadonlyMap<string, number>;
  readonly warnings: readonly ValidationProblem[];
}

/** Everything about one benchmark and set of options that does not depend on the assessment. */
export interface PreparedScoring {
  readonly benchmarkValue: unknown;
  readonly options: ScoreOptions;
  readonly b: Benchmark;
  readonly plan: BenchmarkPlan;
  readonly model: AnyScoringModel;
  readonly parameters: unknown;
  readonly explain: boolean;
  readonly detail: "questions" | "key-factors";
  /** Warnings of the benchmark document, as a successful result carries them. */
  readonly warnings: readonly ValidationProblem[];
  readonly questionIndex: ReadonlyMap<string, number>;
  readonly questionCount: number;
  /** The split quick check, when the schema allows it and every question id is a valid answer key. */
  readonly split: { frame(document: unknown): boolean; answers: AnswerChecks } | null;
  readonly notApplicableOk: boolean;
  readonly scales: Map<string | undefined, ScaleEntry | null>;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/**
 * The shared steps of scoring: model, benchmark, plan, parameters (and the scale, when the options
 * give one). Problems come in the order {@link scoreAssessment} reports them.
 */
export function prepareScoring(benchmark: unknown, options: ScoreOptions, freeze: boolean): { value: PreparedScoring | null; problems: ValidationProblem[] } {
  const model = resolveModel(options);
  const checkedBenchmark = checkDocument<Benchmark>("benchmark", benchmark, true);
  const problems = [...model.problems, ...checkedBenchmark.problems];
  const b = checkedBenchmark.value;
  if (!b || !model.value || hasErrors(problems)) return { value: null, problems };
  const planned = planBenchmark(b);
  problems.push(...tagged(planned.problems, "benchmark"));
  if (options.scale !== undefined) problems.push(...resolveScale({}, b, options).problems);
  const parameters = parseParameters(model.value.parameters, options.parameters, model.value.id);
  problems.push(...parameters.problems.map((p) => ({ ...p, params: { ...p.params, document: "parameters" } })));
  const plan = planned.plan;
  if (!plan || parameters.value === undefined || hasErrors(problems)) return { value: null, problems };

  const { questionIds, questionIndex } = questionOrder(plan);
  const checks = assessmentChecks();
  const split = checks && questionIds.every((id) => checks.answers.name(id)) ? checks : null;
  const value: PreparedScoring = {
    benchmarkValue: benchmark,
    options,
    b,
    plan,
    model: model.value,
    parameters: freeze ? deepFreeze(parameters.value) : parameters.value,
    explain: options.explain !== false,
    detail: options.detail === "key-factors" ? "key-factors" : "questions",
    warnings: checkedBenchmark.problems.filter((p) => p.severity !== "error"),
    questionIndex,
    questionCount: questionIds.length,
    split,
    notApplicableOk: split === null || split.answers.level(NOT_APPLICABLE),
    scales: new Map(),
  };
  return { value, problems };
}

// The scale an assessment naming `id` (or none) is read on, resolved once per id.
function scaleFor(prepared: PreparedScoring, id: string | undefined): ScaleEntry | null {
  const key = prepared.options.scale !== undefined ? undefined : id;
  const known = prepared.scales.get(key);
  if (known !== undefined) return known;
  let entry: ScaleEntry | null = null;
  const resolved = resolveScale(key === undefined ? {} : { scale: key }, prepared.b, prepared.options);
  const normalised = resolved.value ? normaliseScale(resolved.value) : null;
  if (resolved.value && normalised?.scale && !hasErrors(resolved.problems) && normalised.problems.length === 0) {
    const points = normalised.scale.points;
    const split = prepared.split;
    const quickPoints = split === null ? points : new Map([...points].filter(([level]) => split.answers.level(level)));
    entry = { scale: resolved.value, points, quickPoints, warnings: resolved.problems.filter((p) => p.severity !== "error") };
  }
  prepared.scales.set(key, entry);
  return entry;
}

// One pass over the answers: each must be to a known question, an object with a level on the scale
// (or n/a) and at most notes. Undefined when any answer is otherwise: the thorough path reports it.
function readAnswers(prepared: PreparedScoring, answers: Assessment["answers"], points: ReadonlyMap<string, number>): AnswerArrays | undefined {
  const index = prepared.questionIndex;
  const notes = prepared.split?.answers.notes;
  const levels = new Array<string | undefined>(prepared.questionCount);
  const values = new Float64Array(prepared.questionCount).fill(NaN);
  for (const id in answers) {
    const at = index.get(id);
    if (at === undefined) return undefined;
    const answer: unknown = answers[id];
    if (typeof answer !== "object" || answer === null || Array.isArray(answer)) return undefined;
    let level: unknown;
    for (const key in answer) {
      if (key === "level") level = (answer as { level: unknown }).level;
      else if (key !== "notes" || notes === undefined || !notes((answer as { notes: unknown }).notes)) return undefined;
    }
    if (level === undefined) continue;
    if (typeof level !== "string") return undefined;
    if (level === NOT_APPLICABLE) {
      if (!prepared.notApplicableOk) return undefined;
    } else {
      const value = points.get(level);
      if (value === undefined) return undefined;
      values[at] = value;
    }
    levels[at] = level;
  }
  return { levels, points: values };
}

/**
 * Scores a plainly valid assessment with prepared steps; undefined when the assessment needs the
 * thorough path (anything invalid, unusual or off the quick path's knowledge).
 */
export function scoreQuickly(prepared: PreparedScoring, assessment: unknown): ScoringResult<ScoreReport> | undefined {
  let a: Assessment;
  let scale: ScaleEntry | null;
  let answers: AnswerArrays | undefined;
  try {
    const valid = prepared.split ? prepared.split.frame(assessment) : surelyValid("assessment", assessment);
    if (!valid) return undefined;
    a = assessment as Assessment;
    if (a.benchmark.id !== prepared.b.id || a.benchmark.version !== prepared.b.version) return undefined;
    scale = scaleFor(prepared, a.scale);
    if (!scale) return undefined;
    answers = readAnswers(prepared, a.answers, scale.quickPoints);
    if (!answers) return undefined;
  } catch {
    return undefined; // a hostile object: the thorough path reports it
  }
  const { model, plan, b, explain, detail } = prepared;
  const used = scale;
  const arrays = answers;
  const parameters = prepared.parameters;
  const context: ScoringContext<unknown> = {
    parameters,
    scale: used.scale,
    points: used.points,
    plan,
    explain,
    buildTree: (rules) => scoreCompiledTree(compileTree(plan, rules), arrays, { ...rules, explain, detail }),
    report: (overall, extra = {}) => frameReport(a, b, model, parameters as Record<string, unknown>, used.scale, overall, extra),
  };
  let report: ScoreReport;
  try {
    report = model.score(a, b, context);
  } catch (error) {
    return modelFailed(model, error);
  }
  const invalid = checkModelOutput(model, report);
  if (invalid) return invalid;
  const warnings = [...prepared.warnings, ...used.warnings];
  if (a.illustrative === true) warnings.push(scoringProblem("illustrative_assessment", "/illustrative"));
  return succeed(report, warnings);
}

/**
 * Prepares scoring many assessments against one benchmark: checks the benchmark, the model, its
 * parameters and a scale given in the options once, and compiles the benchmark into a tree scored
 * over flat arrays. `score(assessment)` then gives exactly what `scoreAssessment(assessment,
 * benchmark, options)` gives, much faster: a plainly valid assessment is checked by a quick check
 * built from the schema and its answers are read in one pass; any other goes the thorough way and
 * gets the same report of problems. The options are read once, when the scorer is made. With
 * `{ explain: false, detail: "key-factors" }` the reports are compact: key factors and up, no traces.
 *
 * @example
 * ```ts
 * const scorer = createScorer(benchmark, { explain: false, detail: "key-factors" });
 * if (!scorer.ok) throw new Error(scorer.errors.errors[0]?.message);
 * const reports = [];
 * for (const assessment of assessments) {
 *   const result = scorer.report.score(assessment);
 *   if (result.ok) reports.push(result.report);
 * }
 * const peers = createPeerIndex(reports, { places });
 * ```
 */
export function createScorer(benchmark: unknown, options: ScoreOptions = {}): ScoringResult<Scorer> {
  return safely(() => {
    const given: ScoreOptions = { ...optionsOf(options) };
    const prepared = prepareScoring(benchmark, given, true);
    const p = prepared.value;
    if (!p) return fail(prepared.problems);
    const scorer: Scorer = {
      benchmark: Object.freeze({ id: p.b.id, version: p.b.version, title: p.b.title }),
      model: Object.freeze({ id: p.model.id, version: p.model.version, title: p.model.title, parameters: p.parameters }),
      score: (assessment) => safely(() => scoreQuickly(p, assessment) ?? scoreThoroughly(assessment, benchmark, given)),
    };
    return succeed(scorer, prepared.problems);
  });
}
