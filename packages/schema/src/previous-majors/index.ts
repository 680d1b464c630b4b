// DO NOT EDIT — generated from schemas/releases/ by scripts/previous-majors.mjs
import type { DeprecationCheck } from "../deprecated";
import type { PrecompiledValidator } from "../generated/validators";

/** An earlier major's validators: those of its last release, by kind (camelCase). */
export interface PreviousMajor {
  /** The last release of the major, such as "1.4". */
  readonly version: string;
  readonly validators: Readonly<Record<string, PrecompiledValidator>>;
  /** Its deprecated-field checks, by kind (camelCase). */
  readonly deprecations: Readonly<Record<string, DeprecationCheck>>;
}

/** Every major older than the current one, by major number. */
export const PREVIOUS_MAJORS: Readonly<Record<number, PreviousMajor>> = {
};
