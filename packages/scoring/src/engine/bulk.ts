import type { Assessment, Scale, ValidationReport } from "@cohesion/schema";
import type { ReportAssessment } from "../types";

// What scoring keeps or does only to be quick over many assessments: the trees compiled from a plan, the
// reports of documents that many assessments share, one evaluation buffer per tree, one object shape
// for the usual assessment block.
// The browser build leaves all of it out (./bulk.browser.ts): a page scores a few assessments.

/** The rules that shape a compiled tree (TreeRules of ./compile-tree.ts, in part). */
interface ShapeRules {
  readonly useWeights: boolean;
  readonly parentAnswerWeight: number;
  readonly combine: { readonly question: string; readonly keyFactor: string; readonly section: string; readonly overall: string };
}

const MAX_COMPILED_PER_PLAN = 8;
const compiledTrees = new WeakMap<object, { rules: ShapeRules; tree: unknown }[]>();

/**
 * The tree `compile` makes for a plan under the rules that shape it, kept for the next assessment: a
 * benchmark is scored under a rule set or two, so a short list per plan compared field by field.
 *
 * @example
 * ```ts
 * const tree = compiledFor(plan, rules, () => buildTree(plan, rules));
 * ```
 */
export function compiledFor<T>(plan: object, rules: ShapeRules, compile: () => T): T {
  const { combine } = rules;
  let cached = compiledTrees.get(plan);
  if (!cached) compiledTrees.set(plan, (cached = []));
  for (const entry of cached) {
    const r = entry.rules;
    if (
      r.useWeights === rules.useWeights &&
      r.parentAnswerWeight === rules.parentAnswerWeight &&
      r.combine.question === combine.question &&
      r.combine.keyFactor === combine.keyFactor &&
      r.combine.section === combine.section &&
      r.combine.overall === combine.overall
    ) {
      return entry.tree as T;
    }
  }
  const tree = compile();
  // A copy: the caller's rules may change later.
  cached.push({ rules: { useWeights: rules.useWeights, parentAnswerWeight: rules.parentAnswerWeight, combine: { ...combine } }, tree });
  if (cached.length > MAX_COMPILED_PER_PLAN) cached.shift();
  return tree;
}

const validated = new WeakMap<object, ValidationReport>();

/**
 * The report of `validate` on `document`, worked out once per object: benchmarks and scales are
 * shared by many assessments.
 *
 * @example
 * ```ts
 * const report = validateOnce(validateBenchmark, benchmark);
 * ```
 */
export function validateOnce(validate: (document: unknown) => ValidationReport, document: object): ValidationReport {
  let report = validated.get(document);
  if (!report) {
    report = validate(document);
    validated.set(document, report);
  }
  return report;
}

const scratches = new WeakMap<object, unknown>();

/**
 * The evaluation buffer of a tree (`make` makes one), reused by every assessment scored over it: its
 * figures are read before the next assessment is.
 *
 * @example
 * ```ts
 * evaluateTree(tree, answers, coverageThreshold, scratchOf(tree, () => evaluationBuffer(tree)));
 * ```
 */
export function scratchOf<T>(tree: object, make: () => T): T | undefined {
  let scratch = scratches.get(tree) as T | undefined;
  if (!scratch) {
    scratch = make();
    scratches.set(tree, scratch);
  }
  return scratch;
}

/**
 * The usual assessment block of a report, a place with its country, made by one literal: blocks then
 * share one shape that stays known between batches, so code reading a table's blocks is not thrown
 * away with a table. Undefined for any other assessment (the caller writes its block key by key,
 * with the same keys in the same order).
 *
 * @example
 * ```ts
 * const block = usualBlock(assessment, scale) ?? blockOf(assessment, scale);
 * ```
 */
export function usualBlock(assessment: Assessment, scale: Scale): ReportAssessment | undefined {
  const subject = assessment.subject;
  if (subject.ref === undefined || subject.country === undefined || assessment.illustrative !== undefined) return undefined;
  return { id: assessment.id, subject: subject.name, subjectType: subject.type, subjectRef: subject.ref, country: subject.country, assessedOn: assessment.assessedOn, scale: scale.id };
}
