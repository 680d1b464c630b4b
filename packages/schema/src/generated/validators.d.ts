// DO NOT EDIT — generated from schemas/ by scripts/codegen.mjs
import type { ErrorObject } from "ajv";

/** A precompiled validator: true when valid; otherwise `errors` holds what ajv found. */
export interface PrecompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
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
