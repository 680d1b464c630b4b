import type { ValidationProblem } from "@cohesion/schema";
import type { AnyScoringModel } from "./model";
import { BUILTIN_MODELS } from "./models/builtin";
import { engineProblem } from "../problems";
import type { ScoringResult } from "../result";
import { fail, safely, succeed } from "../result";

const NAMESPACED_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/;
const SEMVER = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;

/**
 * The scoring models a host knows, by id. The plugin host registers plugin models here; `dispose`
 * removes a registration again.
 *
 * @example
 * ```ts
 * const registry = createModelRegistry();
 * const added = registry.register(myModel);
 * scoreAssessment(a, b, { model: "acme.mine", models: registry.list() });
 * ```
 */
export interface ModelRegistry {
  register(model: unknown): ScoringResult<{ dispose(): void }>;
  get(id: string): AnyScoringModel | undefined;
  list(): AnyScoringModel[];
}

/**
 * Checks that a value has the shape of a {@link AnyScoringModel}: namespaced id, semantic version,
 * title, description, parameters (with safeParse) and a score function.
 *
 * @example
 * ```ts
 * checkModel({ id: "x" }).map((p) => p.pointer); // ["/id", "/version", ...]
 * ```
 */
export function checkModel(model: unknown): ValidationProblem[] {
  const bad = (pointer: string, detail: string) => engineProblem("invalid_input", pointer, { what: "The scoring model", detail });
  if (typeof model !== "object" || model === null) return [bad("", "expected an object with id, version, title, description, parameters and score")];
  const m = model as Record<string, unknown>;
  const problems: ValidationProblem[] = [];
  if (typeof m["id"] !== "string" || !NAMESPACED_ID.test(m["id"])) problems.push(bad("/id", 'the id must be namespaced, such as "acme.my-model"'));
  if (typeof m["version"] !== "string" || !SEMVER.test(m["version"])) problems.push(bad("/version", 'the version must be MAJOR.MINOR.PATCH, such as "1.0.0"'));
  if (typeof m["title"] !== "string" || m["title"] === "") problems.push(bad("/title", "the title must be a non-empty string"));
  if (typeof m["description"] !== "string") problems.push(bad("/description", "the description must be a string"));
  const parameters = m["parameters"] as { safeParse?: unknown } | undefined;
  if (typeof parameters !== "object" || parameters === null || typeof parameters.safeParse !== "function") {
    problems.push(bad("/parameters", "parameters must be a parameter schema (a Cohesion parameter spec or a zod schema: an object with safeParse)"));
  }
  if (typeof m["score"] !== "function") problems.push(bad("/score", "score must be a function"));
  return problems;
}

/**
 * Creates a registry holding the built-in models (unless `builtins` is false). Registering checks the
 * model's shape and refuses an id already taken, naming both.
 *
 * @example
 * ```ts
 * const registry = createModelRegistry();
 * registry.get("cohesion.threshold")?.title; // "Threshold"
 * ```
 */
export function createModelRegistry(options: { builtins?: boolean } = {}): ModelRegistry {
  const models = new Map<string, AnyScoringModel>();
  if (options.builtins !== false) for (const model of BUILTIN_MODELS) models.set(model.id, model);
  return {
    register: (model) => safely(() => {
      const problems = checkModel(model);
      if (problems.length > 0) return fail(problems);
      const valid = model as AnyScoringModel;
      const existing = models.get(valid.id);
      if (existing) {
        return fail([
          engineProblem("invalid_input", "/id", {
            what: "The scoring model",
            detail: `the id "${valid.id}" is already taken by "${existing.title}" ${existing.version}; a model needs its own id`,
          }),
        ]);
      }
      models.set(valid.id, valid);
      return succeed({
        dispose: () => {
          if (models.get(valid.id) === valid) models.delete(valid.id);
        },
      });
    }),
    get: (id) => models.get(id),
    list: () => [...models.values()],
  };
}
