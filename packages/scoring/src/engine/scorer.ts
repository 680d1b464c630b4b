import type { AnswerChecks, Assessment, Benchmark, Scale, ScoreNode, ScoreReport, ValidationProblem, ValidationReport } from "@cohesion/schema";
import { quickCheckAssessment } from "@cohesion/schema";
import { buildScoreTree, scoreCompiledTree } from "./aggregate";
import type { AnswerArrays, AnswerDictionary, TreeRules } from "./compile-tree";
import { compileTree, nodeTitle, NOT_APPLICABLE_CODE, questionOrder, UNANSWERED_CODE } from "./compile-tree";
import { evaluateTree, evaluationBuffer } from "./evaluate-tree";
import { equalAverage, equalAverageRules } from "./models/equal-average";
import { threshold, thresholdRules } from "./models/threshold";
import { weightedMean, weightedMeanRules } from "./models/weighted-mean";
import type { AnyScoringModel, ScoringContext } from "./model";
import { parseParameters } from "./parameters";
import type { BenchmarkPlan } from "./plan";
import { planBenchmark } from "./plan";
import { scoringProblem } from "../problems";
import { readableAssessment } from "../readable";
import { giveBack, takeArrays, type ReadArrays } from "./read-arrays";
import type { ScoringResult } from "../result";
import { fail, hasErrors, optionsOf, safely, succeed } from "../result";
import { NOT_APPLICABLE, normaliseScale, type NormalisedScale } from "./scale";
import { roundScore } from "./exact";
import { brandScoreTable, type ScoreTable } from "./score-table";
import type { ReportAssessment } from "../types";
import type { ScoreOptions } from "./options";
import { checkDocument, checkModelOutput, frameReport, modelFailed, withWeightsMessage, reportAssessment, resolveModel, resolveScale, scoreThoroughly, tagged } from "./score-steps";

// The rules of the built-in models, so a score table needs no score tree for them.
const BUILTIN_RULES = new Map<AnyScoringModel, (parameters: never) => Omit<TreeRules, "explain" | "detail">>([
  [weightedMean, weightedMeanRules],
  [threshold, thresholdRules],
  [equalAverage, equalAverageRules],
]);

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
  /**
   * Scores many assessments into a {@link ScoreTable}: overall and key factor scores as columns,
   * no report objects kept. The bulk path for statistics; `score` explains any row.
   */
  scoreAll(assessments: readonly unknown[]): ScoringResult<ScoreTable>;
}


interface ScaleEntry {
  readonly scale: Scale;
  readonly points: ReadonlyMap<string, number>;
  /**
   * Levels whose codes the quick path may use: on the scale and valid answer levels, and n/a where
   * it is a valid answer level, as parallel lists. A handful of levels is found faster by comparing
   * than by hashing.
   */
  readonly dictionary: AnswerDictionary;
  /** True when every level's points are a score as the engine rounds it (0, 25, 50…): see AnswerArrays.rounded. */
  readonly rounded: boolean;
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
  readonly questionIds: readonly string[];
  /** The split quick check, when the schema allows it and every question id is a valid answer key. */
  readonly split: { frame(document: unknown): boolean; answers: AnswerChecks } | null;
  readonly notApplicableOk: boolean;
  /** The caller checked the assessments against their schema (`validated`): only what is read is checked again. */
  readonly validated: boolean;
  readonly scales: Map<string | undefined, ScaleEntry | null>;
}

// Whether every question id of a plan is a valid answer key decides if the split check may be used.
const splits = new WeakMap<BenchmarkPlan, PreparedScoring["split"]>();

function splitFor(plan: BenchmarkPlan, questionIds: readonly string[]): PreparedScoring["split"] {
  let split = splits.get(plan);
  if (split === undefined) {
    const checks = quickCheckAssessment().split;
    split = checks && questionIds.every((id) => checks.answers.name(id)) ? checks : null;
    splits.set(plan, split);
  }
  return split;
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
  const split = splitFor(plan, questionIds);
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
    questionIds,
    split,
    notApplicableOk: split === null || split.answers.level(NOT_APPLICABLE),
    validated: options.validated === true,
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
    entry = {
      scale: resolved.value,
      points: normalised.scale.points,
      ...quickTable(normalised.scale, prepared.split, prepared.notApplicableOk),
      warnings: resolved.problems.filter((p) => p.severity !== "error"),
    };
  }
  prepared.scales.set(key, entry);
  return entry;
}

type QuickTable = Pick<ScaleEntry, "dictionary" | "rounded">;
// Made once per scale and answer check: scoreAssessment prepares its steps on every call, and a
// table made per call would cost more than the look-ups it saves.
const quickTables = new WeakMap<NormalisedScale, Map<PreparedScoring["split"], QuickTable>>();

// The levels the quick path may read on a scale, with their codes. `notApplicableOk` follows from `split`.
function quickTable(scale: NormalisedScale, split: PreparedScoring["split"], notApplicableOk: boolean): QuickTable {
  let bySplit = quickTables.get(scale);
  if (!bySplit) quickTables.set(scale, (bySplit = new Map()));
  let table = bySplit.get(split);
  if (!table) {
    // n/a first: a scale cannot take it out of the arithmetic by naming a level so.
    const quick = [...scale.points].filter(([level]) => level !== NOT_APPLICABLE && (split === null || split.answers.level(level)));
    if (notApplicableOk) quick.unshift([NOT_APPLICABLE, NOT_APPLICABLE_CODE]);
    table = {
      dictionary: { levels: quick.map(([level]) => level), codes: Float64Array.from(quick, ([, code]) => code) },
      rounded: quick.every(([, code]) => code < 0 || roundScore(code) === code),
    };
    bySplit.set(split, table);
  }
  return table;
}

// One pass over the answers: each answer must be an object with a level on the scale (or n/a) and
// at most notes (any field the schema allows when the caller validated the assessment: only the level
// is read then), and its key must be a question of the benchmark. False when any answer is
// otherwise: the thorough path reports it. The keys are enumerated, not looked up question by question
// and then counted: one pass finds answers to other questions too, and answers written in the
// benchmark's order (the usual case) are placed without a look-up. Enumerating is also the only
// way to count an object's keys, and no cheaper for objects in dictionary mode (JSON.parse makes
// them, as does adding many keys one by one).
function readAnswers(
  prepared: PreparedScoring,
  answers: Assessment["answers"],
  scale: ScaleEntry,
  codes: Float64Array,
  levels: (string | undefined)[] | undefined,
  picks: number[] | undefined,
): boolean {
  const ids = prepared.questionIds;
  const index = prepared.questionIndex;
  const notes = prepared.split?.answers.notes;
  const known = scale.dictionary.levels;
  const knownCodes = scale.dictionary.codes;
  const validated = prepared.validated;
  // Inherited keys would be enumerated too: none may exist.
  if (typeof answers !== "object" || answers === null || !plainPrototype(answers)) return false;
  codes.fill(UNANSWERED_CODE);
  if (levels) levels.fill(undefined);
  if (picks) picks.fill(0);
  let next = 0;
  for (const id in answers) {
    let at = next++;
    if (ids[at] !== id) {
      const found = index.get(id);
      if (found === undefined) return false; // an answer to another question
      at = found;
    }
    const answer: unknown = answers[id];
    if (typeof answer !== "object" || answer === null || Array.isArray(answer)) return false;
    let level: unknown;
    if (validated) level = (answer as { level: unknown }).level;
    else {
      for (const key in answer) {
        if (key === "level") level = (answer as { level: unknown }).level;
        else if (key !== "notes" || notes === undefined || !notes((answer as { notes: unknown }).notes)) return false;
      }
    }
    if (level === undefined) continue;
    let k = 0;
    while (k < known.length && known[k] !== level) k++;
    if (k === known.length) return false; // not a string, off the scale, or n/a where it may not be used
    codes[at] = knownCodes[k] as number;
    if (levels) levels[at] = level as string;
    if (picks) picks[at] = k + 1;
  }
  return true;
}

// An object whose prototype is Object.prototype (or none) and which inherits no enumerable key.
function plainPrototype(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  for (const _key in EMPTY) return false;
  return true;
}
const EMPTY = {};

// The frame is checked on a copy of the assessment with no answers: readAnswers checks every answer
// as it reads it and takes only `level` and `notes`, so the frame's own walk through every answer
// (looking for deprecated fields) could find nothing more, and it cost more than reading them.
// Every own field is copied, enumerable or not, so the copy passes only where the assessment would.
function frameValid(frame: (document: unknown) => boolean, assessment: unknown): boolean {
  if (typeof assessment !== "object" || assessment === null || !plainPrototype(assessment)) return false;
  const copy: Record<string, unknown> = {};
  for (const key of Object.getOwnPropertyNames(assessment)) {
    if (key === "__proto__") return false; // would set the copy's prototype: the whole check decides
    copy[key] = key === "answers" ? EMPTY : (assessment as Record<string, unknown>)[key];
  }
  return frame(copy);
}

/** The output of compact reports: key factors and up, no traces. */
const COMPACT = { explain: false, detail: "key-factors" } as const;

/**
 * Scores a plainly valid assessment with prepared steps; undefined when the assessment needs the
 * thorough path (anything invalid, unusual or off the quick path's knowledge). `output` overrides the
 * prepared traces and detail (a scorer's compact reports share its prepared steps, and their shape).
 */
export function scoreQuickly(
  prepared: PreparedScoring,
  assessment: unknown,
  output: Pick<PreparedScoring, "explain" | "detail"> = prepared,
): ScoringResult<ScoreReport> | undefined {
  const { explain, detail } = output;
  const read = takeArrays(prepared.questionIds.length);
  try {
    return scoreRead(prepared, assessment, explain, detail, read);
  } finally {
    giveBack(read);
  }
}

function scoreRead(
  prepared: PreparedScoring,
  assessment: unknown,
  explain: boolean,
  detail: PreparedScoring["detail"],
  read: ReadArrays,
): ScoringResult<ScoreReport> | undefined {
  const { codes } = read;
  // Level ids are written out only in guide question nodes; picks are kept only for traces.
  const levels = detail === "key-factors" ? undefined : read.levels;
  const picks = explain ? read.picks : undefined;
  const used = readQuickly(prepared, assessment, codes, levels, picks);
  if (!used) return undefined;
  const a = assessment as Assessment;
  const dictionary = used.dictionary;
  const arrays: AnswerArrays = picks ? (levels ? { codes, levels, picks, dictionary } : { codes, picks, dictionary }) : levels ? { codes, levels } : { codes };
  const { model, plan, b } = prepared;
  const parameters = prepared.parameters;
  let treeRules: Omit<TreeRules, "explain" | "detail"> | undefined;
  let live = true;
  const context: ScoringContext<unknown> = {
    parameters,
    scale: used.scale,
    points: used.points,
    plan,
    explain,
    buildTree: (rules) => {
      treeRules = rules;
      // Once the model has returned, the arrays serve other assessments: a later call reads the
      // answers again, as the thorough path does on every call.
      if (!live) return buildScoreTree(plan, a.answers, used.points, { ...rules, explain, detail });
      return scoreCompiledTree(compileTree(plan, rules), arrays, rules, explain, detail);
    },
    report: (overall, extra = {}) => frameReport(a, b, model, parameters as Record<string, unknown>, used.scale, overall, withWeightsMessage(extra, plan, treeRules)),
  };
  let report: ScoreReport;
  try {
    report = model.score(a, b, context);
  } catch (error) {
    return modelFailed(model, error);
  } finally {
    live = false;
  }
  const invalid = checkModelOutput(model, report, prepared.options.checkReport);
  if (invalid) return invalid;
  return succeed(report, quickWarnings(prepared, a, used) ?? []);
}

// The warnings of a plainly valid assessment: the benchmark's and the scale's, and an illustrative mark.
function quickWarnings(prepared: PreparedScoring, a: Assessment, scale: ScaleEntry): ValidationProblem[] | undefined {
  if (prepared.warnings.length === 0 && scale.warnings.length === 0 && a.illustrative !== true) return undefined;
  const warnings = [...prepared.warnings, ...scale.warnings];
  if (a.illustrative === true) warnings.push(scoringProblem("illustrative_assessment", "/illustrative"));
  return warnings;
}

// The checks of the quick path: a plainly valid assessment of this benchmark on a known scale, its
// answers read into `codes` (and `levels`, when given). Gives the scale, or undefined when the
// assessment needs the thorough path. Nothing is made per assessment: bulk scoring reuses the arrays.
function readQuickly(
  prepared: PreparedScoring,
  assessment: unknown,
  codes: Float64Array,
  levels?: (string | undefined)[],
  picks?: number[],
): ScaleEntry | undefined {
  try {
    const valid = prepared.validated
      ? readableAssessment(assessment)
      : prepared.split
        ? frameValid(prepared.split.frame, assessment)
        : quickCheckAssessment().surelyValid(assessment);
    if (!valid) return undefined;
    const a = assessment as Assessment;
    if (a.benchmark.id !== prepared.b.id || a.benchmark.version !== prepared.b.version) return undefined;
    const scale = scaleFor(prepared, a.scale);
    if (!scale || !readAnswers(prepared, a.answers, scale, codes, levels, picks)) return undefined;
    return scale;
  } catch {
    return undefined; // a hostile object: the thorough path reports it
  }
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
    const passed = optionsOf(options);
    // A snapshot: lists copied, so a caller changing them later changes nothing here.
    const given: ScoreOptions = {
      ...passed,
      ...(Array.isArray(passed.models) ? { models: [...(passed.models as AnyScoringModel[])] } : {}),
      ...(Array.isArray(passed.scales) ? { scales: [...(passed.scales as Scale[])] } : {}),
    };
    const prepared = prepareScoring(benchmark, given, true);
    const p = prepared.value;
    if (!p) return fail(prepared.problems);
    // The thorough path reads the parameters as checked here, not the caller's object, which may change.
    if (passed.parameters !== undefined) Object.assign(given, { parameters: p.parameters });
    const compactOptions: ScoreOptions = { ...given, ...COMPACT };
    const scorer: Scorer = {
      benchmark: Object.freeze({ id: p.b.id, version: p.b.version, title: p.b.title }),
      model: Object.freeze({ id: p.model.id, version: p.model.version, title: p.model.title, parameters: p.parameters }),
      score: (assessment) => safely(() => scoreQuickly(p, assessment) ?? scoreThoroughly(assessment, benchmark, given)),
      scoreAll: (assessments) =>
        safely(() => {
          if (!Array.isArray(assessments)) {
            return fail([scoringProblem("invalid_input", "", { what: "The assessments", detail: "expected an array of assessments" })]);
          }
          return succeed(tabulate(p, assessments, (a) => safely(() => scoreQuickly(p, a, COMPACT) ?? scoreThoroughly(a, benchmark, compactOptions))));
        }),
    };
    return succeed(scorer, prepared.problems);
  });
}

// Fills a score table row by row from compact reports, keeping only the numbers and the subject.
function tabulate(prepared: PreparedScoring, assessments: readonly unknown[], score: (assessment: unknown) => ScoringResult<ScoreReport>): ScoreTable {
  const keyFactors = prepared.plan.keyFactors.map((k) => ({ ref: k.ref, title: nodeTitle(k.title) }));
  const columns = new Map(keyFactors.map((k, i) => [k.ref, i]));
  const width = keyFactors.length;
  const size = assessments.length;
  const overall = new Float64Array(size).fill(NaN);
  const keyFactorScores = new Float64Array(size * width).fill(NaN);
  const subjects = new Array<ReportAssessment | undefined>(size);
  const errors = new Map<number, ValidationReport>();
  const warnings = new Map<number, readonly ValidationProblem[]>();
  const record = (row: number, node: ScoreNode): void => {
    if (node.level === "key-factor") {
      const column = columns.get(node.ref);
      if (column !== undefined && node.score !== null) keyFactorScores[row * width + column] = node.score;
      return;
    }
    if (node.level === "guide-question" || node.children === undefined) return;
    for (const child of node.children) record(row, child);
  };
  // Built-in models state their rules: plainly valid rows are scored straight into the columns.
  const rulesOf = BUILTIN_RULES.get(prepared.model);
  const rules = rulesOf?.(prepared.parameters as never);
  const tree = rules && compileTree(prepared.plan, rules);
  const buffer = tree && evaluationBuffer(tree);
  const answers: AnswerArrays = { codes: new Float64Array(prepared.questionIds.length) };
  const roundedAnswers: AnswerArrays = { codes: answers.codes, rounded: true };
  for (let row = 0; row < size; row++) {
    const assessment = assessments[row];
    const scale = tree && buffer && rules ? readQuickly(prepared, assessment, answers.codes) : undefined;
    if (scale && tree && buffer && rules) {
      const a = assessment as Assessment;
      const scores = evaluateTree(tree, scale.rounded ? roundedAnswers : answers, rules.coverageThreshold, buffer, false).score;
      overall[row] = scores[tree.overall.index] as number;
      for (let column = 0; column < width; column++) keyFactorScores[row * width + column] = scores[tree.keyFactorNodes[column] as number] as number;
      subjects[row] = reportAssessment(a, scale.scale);
      const found = quickWarnings(prepared, a, scale);
      if (found) warnings.set(row, found);
      continue;
    }
    const result = score(assessment);
    if (!result.ok) {
      errors.set(row, result.errors);
      continue;
    }
    const report = result.report;
    if (report.overall.score !== null) overall[row] = report.overall.score;
    record(row, report.overall);
    subjects[row] = report.assessment;
    if (result.warnings.length > 0) warnings.set(row, result.warnings);
  }
  const b = prepared.b;
  return brandScoreTable({
    size,
    benchmark: { id: b.id, version: b.version, title: b.title },
    title: nodeTitle(prepared.plan.title),
    keyFactors,
    overall,
    keyFactorScores,
    assessments: subjects,
    errors,
    warnings,
  });
}
