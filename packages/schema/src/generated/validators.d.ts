// DO NOT EDIT — generated from schemas/ by scripts/codegen.mjs
import type { ErrorObject } from "ajv";

/** A precompiled validator: true when valid; `collect` lists the errors of an invalid document, in ajv's shape. */
export interface PrecompiledValidator {
  (data: unknown): boolean;
  /** Every error of a document the check refused; `deep` when it met data nested too deep to follow. */
  collect(data: unknown): ErrorObject[] & { deep?: boolean };
}

export declare const assessment: PrecompiledValidator;
export declare const benchmark: PrecompiledValidator;
export declare const framework: PrecompiledValidator;
export declare const place: PrecompiledValidator;
export declare const pluginManifest: PrecompiledValidator;
export declare const practice: PrecompiledValidator;
export declare const scale: PrecompiledValidator;
export declare const scheme: PrecompiledValidator;
export declare const scoreReport: PrecompiledValidator;
export declare const validationReport: PrecompiledValidator;

export declare const assessmentPasses: (data: unknown) => boolean;
export declare const benchmarkPasses: (data: unknown) => boolean;
export declare const scalePasses: (data: unknown) => boolean;
export declare const placePasses: (data: unknown) => boolean;
export declare const practicePasses: (data: unknown) => boolean;
/** The quick check of an assessment split for a scorer that reads every answer (null: the schema has another shape). */
export declare const assessmentSplit: {
  frame(data: unknown): boolean;
  name(data: unknown): boolean;
  level(data: unknown): boolean;
  notes(data: unknown): boolean;
} | null;
