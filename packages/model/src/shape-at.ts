import type * as z from "zod";

interface Def {
  readonly type: string;
  readonly innerType?: z.ZodType;
  readonly out?: z.ZodType;
  readonly element?: z.ZodType;
  readonly valueType?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly discriminator?: string;
  readonly shape?: Record<string, z.ZodType>;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Unwraps optional, nullable and pipe layers, and picks a union's option by its discriminator.
function unwrap(schema: z.ZodType, value: unknown): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (let guard = 0; current && guard < 16; guard += 1) {
    const def: Def = defOf(current);
    if (def.type === "optional" || def.type === "nullable") current = def.innerType;
    else if (def.type === "pipe") current = def.out;
    else if (def.type === "union" && def.discriminator !== undefined && def.options) {
      const discriminator = def.discriminator;
      const wanted = isRecord(value) ? value[discriminator] : undefined;
      current = def.options.find((option) => {
        const field = (defOf(option).shape ?? {})[discriminator];
        const values = field ? (defOf(field) as unknown as { values?: unknown[] }).values : undefined;
        return values?.includes(wanted) ?? false;
      });
    } else return current;
  }
  return current;
}

/**
 * The field names the object schema at `path` declares, following the input along the path so
 * that unions pick the variant the input selects; `[]` when the path does not lead to an object
 * schema. Used for "did you mean" hints on unknown fields.
 *
 * @example
 * ```ts
 * declaredFieldsAt(benchmarkSchema, ["sections", 0], input); // ["id", "title", "description", "weight", "keyFactors"]
 * ```
 */
export function declaredFieldsAt(schema: z.ZodType, path: readonly PropertyKey[], input: unknown): string[] {
  let current = unwrap(schema, input);
  let value = input;
  for (const segment of path) {
    if (!current) return [];
    const def = defOf(current);
    const key = String(segment);
    if (def.type === "object") current = (def.shape ?? {})[key];
    else if (def.type === "array") current = def.element;
    else if (def.type === "record") current = def.valueType;
    else return [];
    value = isRecord(value) || Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
    current = current && unwrap(current, value);
  }
  const def = current ? defOf(current) : undefined;
  return def?.type === "object" ? Object.keys(def.shape ?? {}) : [];
}
