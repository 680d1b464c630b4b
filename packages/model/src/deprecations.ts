import { compareSchemaVersions } from "@cohesion/schema";
import type * as z from "zod";
import { DEPRECATED } from "./schemas/defs";
import { joinPointer, schemaProblem, type ValidationProblem } from "./report";

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

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Finds fields present in `input` whose schema is marked deprecated and reports each as a
 * `deprecated_field` warning, whether or not the rest of the document is valid. `input` must
 * already be known to nest within bounds (the parsers check that first).
 *
 * @example
 * ```ts
 * findDeprecatedFields(assessmentSchema, assessment); // [{ code: "deprecated_field", pointer: "/answers/q1/evidence", ... }]
 * ```
 */
export function findDeprecatedFields(schema: z.ZodType, input: unknown): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  // A field deprecated since a version was still the way to write it before: a document declaring
  // an older version is not warned.
  const declared = isRecord(input) && typeof input["schemaVersion"] === "string" ? input["schemaVersion"] : undefined;
  const declaredValid = declared !== undefined && /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/u.test(declared);
  const applies = (since: string): boolean => !declaredValid || compareSchemaVersions(declared, since) >= 0;
  const walk = (node: z.ZodType | undefined, value: unknown, pointer: string, field: string | undefined): void => {
    if (!node || value === undefined) return;
    const deprecation = DEPRECATED.get(node);
    if (deprecation && field !== undefined && applies(deprecation.since)) {
      const { since, replacement, advice } = deprecation;
      problems.push(
        schemaProblem("deprecated_field", pointer, {
          field,
          since,
          sinceText: ` since schema version ${since}`,
          hint: replacement ? ` — use "${replacement}" instead; ${advice}` : ` — ${advice}`,
          ...(replacement ? { replacement } : {}),
        }),
      );
    }
    const def = defOf(node);
    switch (def.type) {
      case "optional":
      case "nullable":
        walk(def.innerType, value, pointer, field);
        break;
      case "pipe":
        walk(def.out, value, pointer, field);
        break;
      case "object":
        if (!isRecord(value)) return;
        for (const [key, child] of Object.entries(def.shape ?? {})) {
          if (Object.hasOwn(value, key)) walk(child, value[key], joinPointer(pointer, key), key);
        }
        break;
      case "array":
        if (Array.isArray(value)) value.forEach((item, index) => walk(def.element, item, joinPointer(pointer, index), undefined));
        break;
      case "record":
        if (isRecord(value)) for (const key of Object.keys(value)) walk(def.valueType, value[key], joinPointer(pointer, key), undefined);
        break;
      case "union":
        if (def.discriminator !== undefined && isRecord(value)) {
          const discriminator = def.discriminator;
          const option = def.options?.find((candidate) => {
            const discriminatorSchema = (defOf(candidate).shape ?? {})[discriminator];
            const values = discriminatorSchema ? (defOf(discriminatorSchema) as unknown as { values?: unknown[] }).values : undefined;
            return values?.includes(value[discriminator]) ?? false;
          });
          walk(option, value, pointer, field);
        }
        break;
      default:
        break;
    }
  };
  walk(schema, input, "", undefined);
  return problems;
}
