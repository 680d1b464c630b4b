import type { Assessment, Benchmark, Scale, ScoreNode, ScoreReport, ValidationProblem } from "@cohesion/schema";
import { joinPointer, nearestName, SCHEMA_VERSION, validateAssessment, validateBenchmark, validateScale } from "@cohesion/schema";
import { BUILTIN_SCALES } from "@cohesion/model/scales";
import { buildScoreTree, keyFactorNodes, type TreeRules } from "./aggregate";
import { usualBlock, validateOnce } from "./bulk";
import { defaultWeightsMessage } from "./default-weights";
import type { AnyScoringModel, ScoringContext } from "./model";
import { BUILTIN_MODELS, DEFAULT_MODEL } from "./models/builtin";
import { checkModel } from "./registry";
import { reportCheckOf, type ReportCheck } from "./report-check";
import { parseParameters } from "./parameters";
import type { BenchmarkPlan } from "./plan";
import { planBenchmark } from "./plan";
import { engineProblem } from "../problems";
import type { ScoringResult } from "../result";
import { fail, hasErrors, succeed, thrownText } from "../result";
import { NOT_APPLICABLE, normaliseScale } from "./scale";
import type { ScoreOptions } from "./options";
import type { ReportAssessment, ReportMessage } from "../types";

// The steps of scoring one assessment, each with its problems: shared by scoreAssessment and
// createScorer. `scoreThoroughly` runs them all for one assessment and is the reference: the quick
// path of a scorer gives the same result or hands the assessment over to it.

/** A step's result: the value when the step succeeded, and the problems it found. */
export type Checked<T> = { value: T; problems: ValidationProblem[] };

/** Problems marked with the document they point into. */
export function tagged(problems: readonly ValidationProblem[], document: string): ValidationProblem[] {
  return problems.map((p) => ({ ...p, params: { ...p.params, document } }));
}

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

// The validators of the kinds scoring reads, each on its own so a bundle carries only these. A valid
// document costs them what a quick check costs (the same fast check, the same deprecated-field walk).
const FULL = { assessment: validateAssessment, benchmark: validateBenchmark, scale: validateScale } as const;

/** Checks a document of a kind; benchmarks and scales once per object. */
export function checkDocument<T>(kind: "assessment" | "benchmark" | "scale", value: unknown, shared: boolean): Checked<T | null> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { value: null, problems: tagged([engineProblem("not_an_object", "", { what: kind, actual: describeType(value) })], kind) };
  }
  const report = shared && kind !== "assessment" ? validateOnce(FULL[kind], value) : FULL[kind](value);
  const problems = tagged(report.errors, kind);
  return { value: report.valid ? (value as T) : null, problems };
}

/** The model the options name (default cohesion.weighted-mean). */
export function resolveModel(options: ScoreOptions): Checked<AnyScoringModel | null> {
  const requested: unknown = options.model ?? DEFAULT_MODEL;
  if (typeof requested !== "string") {
    const problems = checkModel(requested).map((p) => ({ ...p, pointer: `/model${p.pointer}` }));
    return problems.length > 0 ? { value: null, problems } : { value: requested as AnyScoringModel, problems: [] };
  }
  const models = Array.isArray(options.models) ? options.models.filter((m) => checkModel(m).length === 0) : BUILTIN_MODELS;
  const found = models.find((m) => m.id === requested);
  if (found) return { value: found, problems: [] };
  return { value: null, problems: [engineProblem("unknown_model", "", { id: requested, known: models.map((m) => m.id) })] };
}

/** The scale an assessment's answers are read on: the option, else the assessment's or benchmark's scale id. */
export function resolveScale(assessment: Pick<Assessment, "scale">, benchmark: Benchmark, options: ScoreOptions): Checked<Scale | null> {
  if (options.scale !== undefined) {
    const checked = checkDocument<Scale>("scale", options.scale, true);
    return checked;
  }
  const id = assessment.scale ?? benchmark.defaultScale;
  const pointer = assessment.scale !== undefined ? "/scale" : "/defaultScale";
  const given: unknown[] = Array.isArray(options.scales) ? options.scales : [];
  const candidates = [...given.filter((s): s is Scale => typeof s === "object" && s !== null && typeof (s as { id?: unknown }).id === "string"), ...BUILTIN_SCALES];
  const found = candidates.find((s) => s.id === id);
  if (!found) {
    const problem = engineProblem("scale_not_found", pointer, { id, known: [...new Set(candidates.map((s) => s.id))] });
    return { value: null, problems: tagged([problem], assessment.scale !== undefined ? "assessment" : "benchmark") };
  }
  return checkDocument<Scale>("scale", found, true);
}

// The did-you-mean params, as the integrity check gives them.
function suggested(suggestion: string | undefined): { hint: string; suggestion?: string } {
  return suggestion === undefined ? { hint: "" } : { hint: ` Did you mean "${suggestion}"?`, suggestion };
}

function checkAnswers(assessment: Assessment, plan: BenchmarkPlan, scale: Scale, points: ReadonlyMap<string, number>): ValidationProblem[] {
  let problems: ValidationProblem[] | undefined;
  // Runs for every assessment: pointers and messages are built only when something is wrong.
  for (const id in assessment.answers) {
    if (!Object.hasOwn(assessment.answers, id)) continue;
    if (!plan.questions.has(id)) {
      const suggestion = nearestName(id, plan.questions.keys());
      (problems ??= []).push(engineProblem("unknown_guide_question", joinPointer("/answers", id), { questionId: id, benchmarkId: plan.id, version: plan.version, ...suggested(suggestion) }));
      continue;
    }
    const level = assessment.answers[id]?.level;
    if (level !== undefined && level !== NOT_APPLICABLE && !points.has(level)) {
      (problems ??= []).push(
        engineProblem("unknown_level", joinPointer("/answers", id, "level"), {
          level,
          scaleId: scale.id,
          available: scale.levels.map((l) => `"${l.id}"`).join(", "),
          availableLevels: scale.levels.map((l) => l.id),
          ...suggested(nearestName(level, points.keys())),
        }),
      );
    }
  }
  return problems === undefined ? [] : tagged(problems, "assessment");
}

/** The block of a score report that names the assessment scored. */
export function reportAssessment(assessment: Assessment, scale: Scale): ReportAssessment {
  const usual = usualBlock(assessment, scale);
  if (usual) return usual;
  const block: ReportAssessment = { id: assessment.id, subject: assessment.subject.name, subjectType: assessment.subject.type };
  if (assessment.subject.ref !== undefined) block.subjectRef = assessment.subject.ref;
  if (assessment.subject.country !== undefined) block.country = assessment.subject.country;
  block.assessedOn = assessment.assessedOn;
  block.scale = scale.id;
  if (assessment.illustrative !== undefined) block.illustrative = assessment.illustrative;
  return block;
}

/**
 * The score report around a score tree: the assessment, benchmark, model and parameters named,
 * the standard met (threshold models), warnings on key factors without enough evidence and any
 * messages of the model.
 */
export function frameReport(
  a: Assessment,
  b: Pick<Benchmark, "id" | "version" | "title">,
  model: AnyScoringModel,
  parameters: Record<string, unknown>,
  scale: Scale,
  overall: ScoreNode,
  extra: { standardMet?: boolean | null; messages?: readonly ReportMessage[] },
): ScoreReport {
  const report: ScoreReport = {
    kind: "score-report",
    // Reports are written for the newest schema this package was built with.
    schemaVersion: SCHEMA_VERSION,
    assessment: reportAssessment(a, scale),
    benchmark: { id: b.id, version: b.version, title: b.title },
    model: { id: model.id, version: model.version, title: model.title, parameters },
    overall,
  };
  if (extra.standardMet !== undefined) report.standardMet = extra.standardMet;
  const messages = [...evidenceMessages(overall), ...(extra.messages ?? [])];
  if (messages.length > 0) report.messages = messages;
  return report;
}

/** The extras of a report with the message on default weights added, when the tree's rules read defaults. */
export function withWeightsMessage(
  extra: { standardMet?: boolean | null; messages?: readonly ReportMessage[] },
  plan: BenchmarkPlan,
  rules: Omit<TreeRules, "explain" | "detail"> | undefined,
): { standardMet?: boolean | null; messages?: readonly ReportMessage[] } {
  const message = defaultWeightsMessage(plan, rules);
  return message ? { ...extra, messages: [message, ...(extra.messages ?? [])] } : extra;
}

function evidenceMessages(overall: ScoreNode): ReportMessage[] {
  const messages: ReportMessage[] = [];
  for (const node of keyFactorNodes(overall)) {
    if (node.status === "insufficient-evidence" || node.status === "unanswered") {
      messages.push({
        code: node.status === "unanswered" ? "key_factor_unanswered" : "key_factor_insufficient_evidence",
        severity: "warning",
        message:
          node.status === "unanswered"
            ? `Key factor "${node.title ?? node.ref}" has no answers, so it has no score.`
            : `Key factor "${node.title ?? node.ref}" has too few answers (coverage ${Math.round(node.coverage * 100)}%) for a score.`,
        params: { keyFactor: node.ref, coverage: node.coverage },
      });
    }
  }
  return messages;
}

/**
 * Scores one assessment step by step, collecting every problem: the reference behaviour of
 * {@link scoreAssessment}, and the path every assessment a scorer is not sure of takes.
 */
export function scoreThoroughly(assessment: unknown, benchmark: unknown, options: ScoreOptions): ScoringResult<ScoreReport> {
  const model = resolveModel(options);
  const checkedBenchmark = checkDocument<Benchmark>("benchmark", benchmark, true);
  const checkedAssessment = checkDocument<Assessment>("assessment", assessment, false);
  const problems = [...model.problems, ...checkedBenchmark.problems, ...checkedAssessment.problems];
  const b = checkedBenchmark.value;
  const a = checkedAssessment.value;
  if (!b || !a || !model.value || hasErrors(problems)) return fail(problems);

  if (a.benchmark.id !== b.id || a.benchmark.version !== b.version) {
    return fail([
      ...problems,
      ...tagged(
        [engineProblem("benchmark_mismatch", "/benchmark", { assessmentBenchmark: `${a.benchmark.id}@${a.benchmark.version}`, benchmark: `${b.id}@${b.version}` })],
        "assessment",
      ),
    ]);
  }
  const planned = planBenchmark(b);
  problems.push(...tagged(planned.problems, "benchmark"));
  const scale = resolveScale(a, b, options);
  problems.push(...scale.problems);
  const normalised = scale.value ? normaliseScale(scale.value) : null;
  if (normalised) problems.push(...tagged(normalised.problems, "scale"));
  const parameters = parseParameters(model.value.parameters, options.parameters, model.value.id);
  problems.push(...parameters.problems.map((p) => ({ ...p, params: { ...p.params, document: "parameters" } })));
  const plan = planned.plan;
  if (!plan || !scale.value || !normalised?.scale || parameters.value === undefined || hasErrors(problems)) return fail(problems);
  problems.push(...checkAnswers(a, plan, scale.value, normalised.scale.points));
  if (hasErrors(problems)) return fail(problems);

  const points = normalised.scale.points;
  const explain = options.explain !== false;
  const usedModel = model.value;
  const usedScale = scale.value;
  // The rules of the tree the model built, so the report can say which weights are defaults.
  let treeRules: Omit<TreeRules, "explain" | "detail"> | undefined;
  const context: ScoringContext<unknown> = {
    parameters: parameters.value,
    scale: usedScale,
    points,
    plan,
    explain,
    buildTree: (rules) => {
      treeRules = rules;
      return buildScoreTree(plan, a.answers, points, { ...rules, explain, detail: options.detail === "key-factors" ? "key-factors" : "questions" });
    },
    report: (overall, extra = {}) => frameReport(a, b, usedModel, parameters.value as Record<string, unknown>, usedScale, overall, withWeightsMessage(extra, plan, treeRules)),
  };

  let report: ScoreReport;
  try {
    report = usedModel.score(a, b, context);
  } catch (error) {
    return modelFailed(usedModel, error);
  }
  const invalid = checkModelOutput(usedModel, report, options.checkReport);
  if (invalid) return invalid;
  // Warnings found on the way (deprecated fields and the like) travel with the report.
  const warnings = problems.filter((p) => p.severity !== "error");
  if (a.illustrative === true) warnings.push(engineProblem("illustrative_assessment", "/illustrative"));
  return succeed(report, warnings);
}

/**
 * Built-in models are tested against the schema; another model's output is checked when the caller
 * gave a check (`options.checkReport`) or the model carries one (`withCheckedOutput`, as the plugin
 * host wraps plugin models).
 */
export function checkModelOutput(model: AnyScoringModel, report: ScoreReport, given: ReportCheck | undefined): ScoringResult<ScoreReport> | undefined {
  if (BUILTIN_MODELS.includes(model)) return undefined;
  const run = typeof given === "function" ? given : reportCheckOf(model);
  if (run === undefined) return undefined;
  const check = run(report);
  if (check.valid) return undefined;
  return fail(check.errors.map((e) => engineProblem("model_output_invalid", e.pointer, { model: model.id, detail: e.message })));
}

/** What a model that throws gets: a problem naming the model and what it threw. */
export function modelFailed(model: AnyScoringModel, error: unknown): ScoringResult<ScoreReport> {
  return fail([engineProblem("model_failed", "", { model: model.id, detail: thrownText(error) })]);
}
