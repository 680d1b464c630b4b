import type { ErrorObject } from "ajv";
import type { ValidationProblem } from "./generated/types";
import { declaredNames, isNode, ownProperties, unknownField, type Context, type Elsewhere, type Hint } from "./map-errors";
import { joinPointer } from "./pointer";

// The mapping of unevaluatedProperties errors, apart from ./map-errors.ts: only validators of schemas
// that use the keyword are given it, so a page bundling other kinds does not carry it.

/** The if/then branch that declares a field, as "the field X must be V". */
function selectingBranch(field: string, parentSchema: unknown): { property: string; value: unknown } | undefined {
  const branches = isNode(parentSchema) && Array.isArray(parentSchema.allOf) ? parentSchema.allOf : [];
  for (const branch of branches) {
    if (!isNode(branch) || !declaredNames(branch.then).includes(field)) continue;
    const condition = Object.entries(ownProperties(branch.if));
    const [entry] = condition;
    if (condition.length === 1 && entry && isNode(entry[1]) && "const" in entry[1]) return { property: entry[0], value: entry[1].const };
  }
  return undefined;
}

/** Why a field declared in another branch of the object's schema is not allowed here. */
function explain(field: string, parentSchema: unknown): string {
  const selector = selectingBranch(field, parentSchema);
  return selector
    ? ` — it is allowed only when "${selector.property}" is ${JSON.stringify(selector.value)}; remove it or change "${selector.property}"`
    : " — it belongs to another variant of this object; remove it";
}

// Hints differ from those of additionalProperties: the names declared elsewhere count.
const hints = new WeakMap<object, Map<string, Hint>>();

function isAtOrBelow(path: string, pointer: string): boolean {
  return path === pointer || path.startsWith(`${pointer}/`);
}

/**
 * Whether a field that ajv calls unevaluated is declared in an if/then branch that failed for
 * another reason, or whose discriminator is itself invalid. Such a field is not unknown: the
 * error that failed the branch is the real problem, and it is reported on its own.
 */
function isExcused(field: string, pointer: string, parentSchema: unknown, ctx: Context): boolean {
  const leafErrors = ctx.errors.filter((e) => e.keyword !== "unevaluatedProperties" && isAtOrBelow(e.instancePath, pointer));
  if (leafErrors.some((e) => isAtOrBelow(e.instancePath, joinPointer(pointer, field)))) return true;
  const branches = isNode(parentSchema) && Array.isArray(parentSchema.allOf) ? parentSchema.allOf : [];
  return branches.some((branch: unknown, index) => {
    if (!isNode(branch)) return false;
    const thenNames = declaredNames(branch.then);
    if (!thenNames.includes(field)) return false;
    const discriminators = Object.keys(ownProperties(branch.if));
    return leafErrors.some(
      (e) =>
        e.schemaPath.includes(`/allOf/${index}/then/`) ||
        discriminators.some((d) => isAtOrBelow(e.instancePath, joinPointer(pointer, d))) ||
        thenNames.some((name) => isAtOrBelow(e.instancePath, joinPointer(pointer, name))),
    );
  });
}

/**
 * Maps an unevaluatedProperties error: an unknown_field problem whose hint also weighs the fields the
 * object's other branches declare, or nothing when the field is declared in a branch that another
 * error failed (that error is the real problem, reported on its own).
 *
 * @example
 * mapAjvErrors(validators.scheme.collect(document), mapUnevaluated);
 */
export function mapUnevaluated(error: ErrorObject, pointer: string, ctx: Context): ValidationProblem | undefined {
  const field = String((error.params as { unevaluatedProperty?: unknown }).unevaluatedProperty);
  const parentSchema: unknown = error.parentSchema;
  const names = declaredNames(parentSchema);
  if (names.includes(field) && isExcused(field, pointer, parentSchema, ctx)) return undefined;
  const elsewhere: Elsewhere = { names, explain, cache: hints };
  return unknownField(field, pointer, parentSchema, elsewhere);
}
