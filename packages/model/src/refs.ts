import { defsSchema, ucs2length } from "@cohesion/schema";

// The schemas' own `keyFactorRef` rule, read from defs.schema.json rather than the zod parsers, so the
// integrity check loads without zod.
const KEY_FACTOR_REF = (defsSchema["$defs"] as Record<string, { pattern: string; maxLength: number }>)["keyFactorRef"] as { pattern: string; maxLength: number };
const KEY_FACTOR_REF_PATTERN = new RegExp(KEY_FACTOR_REF.pattern, "u");

/**
 * A key factor reference taken apart.
 *
 * @example
 * ```ts
 * const { benchmarkId, keyFactorId }: ParsedKeyFactorRef = parseKeyFactorRef(ref)!;
 * ```
 */
export interface ParsedKeyFactorRef {
  readonly benchmarkId: string;
  readonly keyFactorId: string;
}

/**
 * Builds the reference of a key factor: `<benchmarkId>#<keyFactorId>`.
 *
 * @example
 * ```ts
 * keyFactorRef("eurocities.neighbourhood-participation", "stakeholders");
 * // "eurocities.neighbourhood-participation#stakeholders"
 * ```
 */
export function keyFactorRef(benchmarkId: string, keyFactorId: string): string {
  return `${benchmarkId}#${keyFactorId}`;
}

/**
 * Takes a key factor reference apart; `undefined` when it is not what the schemas' `keyFactorRef`
 * allows: `<namespaced benchmark id>#<kebab-case key factor id>`, at most 240 characters. Framework item references
 * (`<frameworkId>#<itemId>`) have the same form and parse the same way.
 *
 * @example
 * ```ts
 * parseKeyFactorRef("eurocities.neighbourhood-participation#stakeholders");
 * // { benchmarkId: "eurocities.neighbourhood-participation", keyFactorId: "stakeholders" }
 * parseKeyFactorRef("stakeholders"); // undefined
 * ```
 */
export function parseKeyFactorRef(ref: string): ParsedKeyFactorRef | undefined {
  if (typeof ref !== "string" || ucs2length(ref) > KEY_FACTOR_REF.maxLength || !KEY_FACTOR_REF_PATTERN.test(ref)) return undefined;
  const hash = ref.indexOf("#");
  return { benchmarkId: ref.slice(0, hash), keyFactorId: ref.slice(hash + 1) };
}

/**
 * A framework item reference taken apart.
 *
 * @example
 * ```ts
 * const { frameworkId, itemId }: ParsedFrameworkItemRef = parseFrameworkItemRef(ref)!;
 * ```
 */
export interface ParsedFrameworkItemRef {
  readonly frameworkId: string;
  readonly itemId: string;
}

/**
 * Takes a framework item reference (`<frameworkId>#<itemId>`) apart; `undefined` when malformed.
 *
 * @example
 * ```ts
 * parseFrameworkItemRef("cohesion-belonging.domains#social");
 * // { frameworkId: "cohesion-belonging.domains", itemId: "social" }
 * ```
 */
export function parseFrameworkItemRef(ref: string): ParsedFrameworkItemRef | undefined {
  const parsed = parseKeyFactorRef(ref);
  return parsed && { frameworkId: parsed.benchmarkId, itemId: parsed.keyFactorId };
}
