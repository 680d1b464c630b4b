import { z } from "zod";
import type { AnyScoringModel } from "./model";

/**
 * What a tool shows about a scoring model: its identity, its parameters as JSON Schema (for forms and
 * documentation) and the defaults it runs with when given none.
 *
 * @example
 * ```ts
 * const info: ModelDescription = describeModel(weightedMean);
 * ```
 */
export interface ModelDescription {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly description: string;
  /** The parameters as JSON Schema draft 2020-12; undefined when the model's zod schema cannot be expressed so. */
  readonly parameters: Record<string, unknown> | undefined;
  /** The parameters with every default filled in; undefined when the model has required parameters. */
  readonly defaults: unknown;
}

/**
 * Describes a scoring model for people and tools (the CLI's model list, a settings form).
 *
 * @example
 * ```ts
 * describeModel(threshold).defaults; // { threshold: 50, coverageThreshold: 0.5, parentAnswerWeight: 1 }
 * ```
 */
export function describeModel(model: AnyScoringModel): ModelDescription {
  let parameters: Record<string, unknown> | undefined;
  try {
    // "input" describes what callers may pass: fields with defaults are optional.
    parameters = z.toJSONSchema(model.parameters, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  } catch {
    parameters = undefined;
  }
  const defaults = model.parameters.safeParse({});
  return { id: model.id, version: model.version, title: model.title, description: model.description, parameters, defaults: defaults.success ? defaults.data : undefined };
}
