import type { ValidationProblem } from "@cohesion/schema";
import { joinPointer } from "@cohesion/schema";
import { z } from "zod";
import { scoringProblem } from "./problems";

/**
 * A band of scores with a label; a score belongs to the last band whose `min` it reaches.
 *
 * @example
 * ```ts
 * const band: Band = { id: "advanced", label: "Advanced", min: 75 };
 * ```
 */
export interface Band {
  readonly id: string;
  readonly label: string;
  readonly min: number;
}

/**
 * The default bands of the built-in models: 0–24 Starting, 25–49 Developing, 50–74 Established, 75–100 Advanced.
 *
 * @example
 * ```ts
 * DEFAULT_BANDS.map((b) => b.label); // ["Starting", "Developing", "Established", "Advanced"]
 * ```
 */
export const DEFAULT_BANDS: readonly Band[] = [
  { id: "starting", label: "Starting", min: 0 },
  { id: "developing", label: "Developing", min: 25 },
  { id: "established", label: "Established", min: 50 },
  { id: "advanced", label: "Advanced", min: 75 },
];

/**
 * Zod schema for a list of bands: the first starts at 0, `min` strictly increases, ids are unique kebab-case.
 * Third-party models can reuse it in their own parameter schemas.
 *
 * @example
 * ```ts
 * bandsSchema.safeParse([{ id: "low", label: "Low", min: 0 }, { id: "high", label: "High", min: 60 }]).success; // true
 * ```
 */
export const bandsSchema = z
  .array(
    z.strictObject({
      id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a kebab-case id such as \"established\""),
      label: z.string().min(1).max(500),
      min: z.number().min(0).max(100),
    }),
  )
  .min(1)
  .superRefine((bands, ctx) => {
    if (bands[0] !== undefined && bands[0].min !== 0) {
      ctx.addIssue({ code: "custom", path: [0, "min"], message: "the first band must start at 0 so every score has a band" });
    }
    const ids = new Set<string>();
    bands.forEach((band, index) => {
      if (ids.has(band.id)) ctx.addIssue({ code: "custom", path: [index, "id"], message: `band id "${band.id}" is used twice` });
      ids.add(band.id);
      const previous = bands[index - 1];
      if (previous !== undefined && !(band.min > previous.min)) {
        ctx.addIssue({ code: "custom", path: [index, "min"], message: "band minimums must increase from one band to the next" });
      }
    });
  });

/**
 * Zod schema for the coverage threshold: below it a node is "insufficient-evidence". Default 0.5.
 *
 * @example
 * ```ts
 * coverageThresholdSchema.parse(undefined); // 0.5
 * ```
 */
export const coverageThresholdSchema = z.number().min(0).max(1).default(0.5);

/**
 * Reads the band a score falls in.
 *
 * @example
 * ```ts
 * bandFor(DEFAULT_BANDS, 60); // { id: "established", label: "Established", min: 50 }
 * ```
 */
export function bandFor(bands: readonly Band[], score: number): Band | undefined {
  let found: Band | undefined;
  for (let i = 0; i < bands.length; i++) {
    const band = bands[i] as Band;
    if (score >= band.min) found = band;
    else break;
  }
  return found;
}

/**
 * Validates a model's parameters with its zod schema, filling defaults. Bad parameters come back as
 * `invalid_parameters` problems pointing at the parameter (`/coverageThreshold`, `/bands/1/min`).
 *
 * @example
 * ```ts
 * const { value, problems } = parseParameters(weightedMean.parameters, { coverageThreshold: 2 }, "cohesion.weighted-mean");
 * problems[0]?.pointer; // "/coverageThreshold"
 * ```
 */
export function parseParameters<P>(
  schema: z.ZodType<P>,
  input: unknown,
  modelId: string,
): { value: P | undefined; problems: ValidationProblem[] } {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return { value: parsed.data, problems: [] };
  const problems = parsed.error.issues.map((issue) =>
    scoringProblem("invalid_parameters", joinPointer("", ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))), {
      model: modelId,
      detail: issue.message,
    }),
  );
  return { value: undefined, problems };
}
