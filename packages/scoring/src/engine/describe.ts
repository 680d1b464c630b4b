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
  /**
   * The parameters as JSON Schema draft 2020-12 (what callers may pass: fields with defaults are optional);
   * undefined when the model's parameter schema cannot describe itself so (it implements no Standard JSON
   * Schema `~standard.jsonSchema`, as Cohesion parameter specs and zod 4 classic schemas do, or it throws).
   */
  readonly parameters: Record<string, unknown> | undefined;
  /** The parameters with every default filled in; undefined when the model has required parameters. */
  readonly defaults: unknown;
}

interface StandardJsonSchemaConverter {
  input?: (options: { target: string; libraryOptions?: Record<string, unknown> }) => unknown;
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
    const standard = (model.parameters as { "~standard"?: { jsonSchema?: StandardJsonSchemaConverter } })["~standard"];
    const input = standard?.jsonSchema?.input;
    const schema = typeof input === "function" ? input({ target: "draft-2020-12", libraryOptions: { unrepresentable: "any" } }) : undefined;
    parameters = typeof schema === "object" && schema !== null ? (schema as Record<string, unknown>) : undefined;
  } catch {
    parameters = undefined;
  }
  const defaults = model.parameters.safeParse({});
  return { id: model.id, version: model.version, title: model.title, description: model.description, parameters, defaults: defaults.success ? defaults.data : undefined };
}
