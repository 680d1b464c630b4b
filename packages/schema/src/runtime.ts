import Ajv2020Module from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { ErrorObject, ValidateFunction } from "ajv";
import type { ValidationReport } from "./generated/types";
import { checkDocument, declaresSchemaVersion, notAnObject, type CompiledCheck } from "./check-document";
import { findDeprecatedFields, mayFindDeprecated, NO_DEPRECATIONS, type DeprecationCheck } from "./deprecated";
import { guardEvaluatedProps } from "./evaluated-props";
import { toReport } from "./report";
import { mapUnevaluated } from "./unevaluated-errors";
import { documentProblem } from "./schema-problems";
import { ANNOTATION_KEYWORDS, defsSchema, schemasById, type JsonSchema } from "./schemas";

// CommonJS modules: their export is under `default` when loaded from ESM in Node.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: typeof Ajv2020Module }).default ?? Ajv2020Module);
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule);

/** Options for {@link createValidator}. */
export interface CreateValidatorOptions {
  /** Further schemas the schema refers to by `$id` (the Cohesion defs are always available). */
  readonly extraSchemas?: readonly JsonSchema[];
}

/** A validator made at run time: same report format and codes as `validate`. */
export type RuntimeValidator = (document: unknown) => ValidationReport;

// Wrapper keywords: ajv reports them on top of the leaf errors that explain them.
const WRAPPER_KEYWORDS = new Set(["if", "then", "else", "allOf", "propertyNames", "$ref", "$dynamicRef"]);

/**
 * ajv's errors in the shape the precompiled validators give them, which map-errors reads: the wrapper
 * errors left out, and the offending key named on every error about an object's key. ajv names the key
 * only on errors raised inline under propertyNames; when the key's schema is a $ref, the inner errors
 * arrive without it, and the wrapper error that follows them carries the key (the inner errors, verbose,
 * carry it as their data).
 */
function asPrecompiledErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const wrappers = errors.filter((e) => e.keyword === "propertyNames");
  const leaves: ErrorObject[] = [];
  for (const e of errors) {
    if (WRAPPER_KEYWORDS.has(e.keyword)) continue;
    const wrapper = e.propertyName === undefined && typeof e.data === "string" ? wrappers.find((w) => w.instancePath === e.instancePath && (w.params as { propertyName?: unknown }).propertyName === e.data) : undefined;
    leaves.push(wrapper ? { ...e, propertyName: e.data as string } : e);
  }
  return leaves;
}

/** An ajv validate function as a check: `collect` reads the errors of the document it has just refused. */
function checkOf(validate: ValidateFunction): CompiledCheck {
  return Object.assign((data: unknown) => validate(data), { collect: () => asPrecompiledErrors(validate.errors ?? []) });
}

function sameIdAs(schema: JsonSchema): (other: JsonSchema) => boolean {
  return (other) => typeof other.$id === "string" && other.$id === schema.$id;
}

/**
 * Compiles a JSON Schema (2020-12) at run time, for schemas only known then, such as a core
 * schema merged with a plugin's extension. It generates code with ajv, so it is for Node, not for
 * pages under a strict Content Security Policy; the precompiled `validate` is for those.
 * Compilation problems are thrown as an Error naming the schema; the returned validator never throws.
 *
 * @example
 * const check = createValidator(mergedPlaceSchema);
 * check(document).errors; // problems with the same codes as validate()
 */
export function createValidator(schema: JsonSchema, options: CreateValidatorOptions = {}): RuntimeValidator {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, inlineRefs: false, code: { process: guardEvaluatedProps } });
  addFormats(ajv);
  for (const [keyword, schemaType] of Object.entries(ANNOTATION_KEYWORDS)) ajv.addKeyword({ keyword, schemaType });
  const extra = (options.extraSchemas ?? []).filter((s) => !sameIdAs(schema)(s));
  // A schema given by the caller wins over the built-in copy with the same $id.
  const given = [schema, ...extra];
  if (!given.some(sameIdAs(defsSchema))) ajv.addSchema(defsSchema as object);
  for (const s of extra) ajv.addSchema(s as object);
  const registry = new Map<string, unknown>(schemasById);
  for (const s of given) if (typeof s.$id === "string") registry.set(s.$id, s);
  let check: CompiledCheck;
  try {
    check = checkOf(ajv.compile(schema as object));
  } catch (error) {
    const id = typeof schema.$id === "string" ? schema.$id : "the schema";
    throw new Error(`cannot compile ${id}: ${error instanceof Error ? error.message : String(error)}`);
  }
  // Schemas known only at run time are walked for deprecated fields (the precompiled ones have generated checks).
  const deprecated: DeprecationCheck = mayFindDeprecated(schema, registry)
    ? (document, declaredVersion) => findDeprecatedFields(schema, document, registry, declaredVersion)
    : NO_DEPRECATIONS;
  const declaresVersion = declaresSchemaVersion(schema);
  return (document: unknown) => {
    const notObject = notAnObject(document);
    if (notObject) return toReport([notObject]);
    try {
      return checkDocument(document, { check, deprecated, declaresVersion, unevaluated: mapUnevaluated });
    } catch {
      return toReport([documentProblem("internal_error", "", { detail: "reading it threw" })]);
    }
  };
}

export type { ValidationReport, ValidationProblem } from "./generated/types";
