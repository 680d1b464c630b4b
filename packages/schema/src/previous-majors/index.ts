// DO NOT EDIT — generated from schemas/releases/ by scripts/previous-majors.mjs
import type { PrecompiledValidator } from "../generated/validators";

/** An earlier major's validators: those of its last release, by kind (camelCase). */
export interface PreviousMajor {
  /** The last release of the major, such as "1.4". */
  readonly version: string;
  readonly validators: Readonly<Record<string, PrecompiledValidator>>;
  /** Its schemas by `$id`, cut down to the paths that lead to a deprecated field. */
  readonly deprecations: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** Every major older than the current one, by major number. */
export const PREVIOUS_MAJORS: Readonly<Record<number, PreviousMajor>> = {
};
