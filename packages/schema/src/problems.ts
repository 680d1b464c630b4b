import type { ValidationProblem } from "./generated/types";
import { describePointer } from "./pointer";
import { truncate } from "./format-value";
import { partsOf } from "./template-parts";

/** How serious a problem is. */
export type Severity = ValidationProblem["severity"];

/** One problem code: its severity and an English message template with `{param}` placeholders. */
export interface ProblemDefinition {
  readonly severity: Severity;
  readonly message: string;
}

/** Builds a {@link ValidationProblem} for one of the codes given to {@link defineProblems}. */
export type ProblemFactory<Codes extends string> = (
  code: Codes,
  pointer: string,
  params?: Record<string, unknown>,
) => ValidationProblem;

// The report schema caps messages; a long value interpolated into a template must not break it.
const MAX_MESSAGE_LENGTH = 4000;
// One placeholder (a huge unknown key, a long pointer) must not crowd out the rest of the message.
const MAX_PLACEHOLDER_LENGTH = 1000;
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/;

function renderParam(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map((v) => (typeof v === "string" ? JSON.stringify(v) : String(v))).join(", ");
  try {
    return truncate(JSON.stringify(value) ?? String(value), 200);
  } catch {
    return String(value);
  }
}

/**
 * Fills a message template. `{pointer}` reads as the pointer, or "the document root" for `""`;
 * a placeholder without a matching param is left as written so the gap is visible.
 *
 * @example
 * interpolate("{field} missing at {pointer}", "", { field: "id" }); // "id missing at the document root"
 */
export function interpolate(template: string, pointer: string, params: Record<string, unknown>): string {
  const parts = partsOf(template, PLACEHOLDER);
  let message = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    if (name === "pointer") message += truncate(describePointer(pointer), MAX_PLACEHOLDER_LENGTH);
    else message += Object.hasOwn(params, name) ? truncate(renderParam(params[name]), MAX_PLACEHOLDER_LENGTH) : `{${name}}`;
    message += parts[i + 1] as string;
  }
  return truncate(message, MAX_MESSAGE_LENGTH);
}

// Each template split once into text and placeholder names (text, name, text, ..., text).

/**
 * Declares a package's problem codes once and returns a typed factory for them, so every
 * problem carries a stable code, its severity and a message built from its params.
 *
 * @example
 * const problem = defineProblems({
 *   unknown_reference: { severity: "error", message: 'nothing has the id "{id}" (at {pointer})' },
 * });
 * problem("unknown_reference", "/practiceRefs/0", { id: "eurocities.x" });
 */
export function defineProblems<const Definitions extends Record<string, ProblemDefinition>>(
  definitions: Definitions,
): ProblemFactory<Extract<keyof Definitions, string>> & { readonly definitions: Definitions } {
  const factory = (code: Extract<keyof Definitions, string>, pointer: string, params: Record<string, unknown> = {}) => {
    const definition = definitions[code] as ProblemDefinition;
    return {
      code,
      severity: definition.severity,
      pointer,
      message: interpolate(definition.message, pointer, params),
      params: { ...params },
    } satisfies ValidationProblem;
  };
  return Object.assign(factory, { definitions });
}
