import type { ValidationReport } from "./generated/types";
import * as deprecations from "./generated/deprecations";
import * as nesting from "./generated/nesting";
import * as validators from "./generated/validators";
import { passes } from "./check-document";
import type { DeprecationCheck } from "./deprecated";

// A pre-check for documents scored in bulk (assessments, benchmarks, scales, places, practices): the
// fast path of the precompiled validators, generated at codegen time from the same schemas, without
// the full pass that collects errors. It answers "surely valid, with no problem at all" exactly when
// the full validator would report nothing (no error, no warning such as a deprecated field), so
// reports of invalid or unusual documents are always the full validator's.

/** The kinds {@link quickCheck} knows: the ones scored in bulk. */
export type QuickCheckKind = "assessment" | "benchmark" | "scale" | "place" | "practice";


/**
 * The checks of one answer of an assessment, generated from the schema, for a scorer that reads the
 * answers itself: whether a question id is a valid answer key, a level a valid level, notes valid notes.
 * An answer surely passes the schema when its id passes `name` and it is an object with only `level`
 * (passing `level`) and `notes` (passing `notes`).
 */
export interface AnswerChecks {
  name(id: string): boolean;
  level(level: string): boolean;
  notes(notes: unknown): boolean;
}

/** The quick pre-check of one document kind; see {@link quickCheck}. */
export interface QuickCheck {
  /**
   * True only when the document surely passes the kind's full validator with no problem at all (no
   * error, no warning such as a deprecated field). False means "not sure": run the full validator.
   */
  surelyValid(document: unknown): boolean;
  /**
   * The full validator's report, computed quickly when the document is surely valid: identical to
   * `full(document)` for every input (`full` is passed in, so a bundle carries only the validators it uses).
   */
  validate(document: unknown, full: (document: unknown) => ValidationReport): ValidationReport;
  /**
   * For assessments, the check split in two for a scorer that reads every answer anyway: the frame
   * (everything but the answers' contents) and the checks of one answer. Null for the other kinds,
   * and when the schema no longer has the shape the split relies on; then use `surelyValid` whole.
   */
  readonly split: { frame(document: unknown): boolean; answers: AnswerChecks } | null;
}

const VALID: ValidationReport = /* @__PURE__ */ Object.freeze({ valid: true, errors: /* @__PURE__ */ Object.freeze([]) as unknown as ValidationReport["errors"] });

/** A generated check that answers false, never throws, whatever the value does. */
function guarded<T>(check: (value: T) => boolean): (value: T) => boolean {
  return (value) => {
    try {
      return check(value);
    } catch {
      return false;
    }
  };
}

// Each kind's check is built on first use and kept; a module-level constant per kind (rather than
// one table indexed at run time) lets a bundle that names one kind leave the others' validators out.
function lazyQuickCheck(
  fast: (document: unknown) => boolean,
  deprecated: DeprecationCheck,
  depth: number,
  split: () => QuickCheck["split"] = () => null,
): () => QuickCheck {
  let check: QuickCheck | undefined;
  return () => {
    if (check === undefined) {
      const surelyValid = (document: unknown) => passes(document, fast, deprecated, depth);
      check = {
        surelyValid,
        validate: (document, full) => (surelyValid(document) ? VALID : full(document)),
        split: split(),
      };
    }
    return check;
  };
}

function assessmentSplit(): QuickCheck["split"] {
  const split = validators.assessmentSplit;
  if (split === null) return null;
  return {
    frame: (document) => passes(document, split.frame, deprecations.assessment, nesting.assessment),
    answers: { name: guarded(split.name), level: guarded(split.level), notes: guarded(split.notes) },
  };
}

/**
 * `quickCheck("assessment")` (the same object), for a bundle that checks assessments only and should
 * not carry the validators of the other kinds `quickCheck` dispatches to at run time.
 *
 * @example
 * const valid = quickCheckAssessment().surelyValid(document);
 */
export const quickCheckAssessment: () => QuickCheck = /* @__PURE__ */ lazyQuickCheck(
  validators.assessmentPasses,
  deprecations.assessment,
  nesting.assessment,
  assessmentSplit,
);

/**
 * `quickCheck("benchmark")` (the same object), carrying only the benchmark validator.
 *
 * @example
 * const report = quickCheckBenchmark().validate(document, validateBenchmark);
 */
export const quickCheckBenchmark: () => QuickCheck = /* @__PURE__ */ lazyQuickCheck(validators.benchmarkPasses, deprecations.benchmark, nesting.benchmark);

/**
 * `quickCheck("scale")` (the same object), carrying only the scale validator.
 *
 * @example
 * const report = quickCheckScale().validate(document, validateScale);
 */
export const quickCheckScale: () => QuickCheck = /* @__PURE__ */ lazyQuickCheck(validators.scalePasses, deprecations.scale, nesting.scale);

/**
 * `quickCheck("place")` (the same object), carrying only the place validator.
 *
 * @example
 * const report = quickCheckPlace().validate(document, validatePlace);
 */
export const quickCheckPlace: () => QuickCheck = /* @__PURE__ */ lazyQuickCheck(validators.placePasses, deprecations.place, nesting.place);

/**
 * `quickCheck("practice")` (the same object), carrying only the practice validator.
 *
 * @example
 * const report = quickCheckPractice().validate(document, validatePractice);
 */
export const quickCheckPractice: () => QuickCheck = /* @__PURE__ */ lazyQuickCheck(validators.practicePasses, deprecations.practice, nesting.practice);

const QUICK_CHECKS: Readonly<Record<QuickCheckKind, () => QuickCheck>> = {
  assessment: quickCheckAssessment,
  benchmark: quickCheckBenchmark,
  scale: quickCheckScale,
  place: quickCheckPlace,
  practice: quickCheckPractice,
};

/**
 * The quick pre-check of a kind scored in bulk: generated from the same schemas as the full
 * validator, it answers only "surely valid, with no problem at all" or "not sure", for input where
 * nearly every document is valid. Whatever it is not sure of goes to the full validator, so reports
 * of invalid or unusual documents are exactly the full validator's. It dispatches on `kind` at run
 * time, so a bundle carries all five kinds' checks; `quickCheckAssessment()` and its siblings carry one.
 *
 * @example
 * const places = quickCheck("place");
 * const report = places.validate(document, validatePlace); // same as validatePlace(document)
 */
export function quickCheck(kind: QuickCheckKind): QuickCheck {
  if (!Object.hasOwn(QUICK_CHECKS, kind)) throw new TypeError(`quickCheck knows ${Object.keys(QUICK_CHECKS).join(", ")}, not ${JSON.stringify(kind)}`);
  return QUICK_CHECKS[kind]();
}
