import { withCheckedOutput } from "./checked-output";
import type { AnyScoringModel } from "./model";
import { BUILTIN_MODELS } from "./models/builtin";
import { checkModel } from "./registry";

/**
 * The `scoringModels` extension point, declared by the package that owns scoring models. Give it to
 * `createHost({ points: [scoringModelsPoint] })` of @cohesion/core: plugins then declare models under
 * `cohesion.contributes.scoringModels` and register them with `context.register("scoringModels", model)`.
 *
 * A registered model must have the shape {@link checkModel} asks for; it is handed out wrapped with
 * {@link withCheckedOutput}, so every report it produces is checked against score-report.schema.json
 * (`model_output_invalid`). The built-in models come with the point, unwrapped (their output is tested).
 *
 * @example
 * ```ts
 * import { createHost } from "@cohesion/core";
 * import { scoringModelsPoint } from "@cohesion/scoring";
 * const host = createHost({ points: [scoringModelsPoint] });
 * const model = await host.contribution(scoringModelsPoint, "cohesion.weighted-mean");
 * ```
 */
export const scoringModelsPoint = {
  name: "scoringModels",
  label: "scoring model",
  builtins: BUILTIN_MODELS as readonly AnyScoringModel[],
  check(value: unknown): { readonly ok: true; readonly value: AnyScoringModel } | { readonly ok: false; readonly reason: string } {
    const problems = checkModel(value);
    if (problems.length > 0) return { ok: false, reason: problems.map((problem) => problem.message).join("; ") };
    return { ok: true, value: withCheckedOutput(value as AnyScoringModel) };
  },
} as const;
