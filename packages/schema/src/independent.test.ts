// A second, independent implementation of JSON Schema 2020-12 (@hyperjump/json-schema, not ajv)
// must reach the same verdict as ours on every example: the schemas mean what they say, not
// what one validator happens to do with them.
import { registerSchema, setShouldValidateFormat, validate as hyperjumpValidate } from "@hyperjump/json-schema/draft-2020-12";
import "@hyperjump/json-schema/formats";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { isDocumentKind } from "./kinds";
import { expectedCode, invalidExamplesDir, readExamples, readSchemaFiles, validExamplesDir } from "./test-support";
import { validate } from "./validate";
import { SCHEMA_VERSION } from "./versions";

const BASE = `https://schemas.cohesion.dev/${SCHEMA_VERSION}/`;

beforeAll(() => {
  setShouldValidateFormat(true);
  for (const { schema } of readSchemaFiles()) registerSchema(schema as never, String(schema.$id));
});

/** The verdict of the other implementation, or undefined when the document names no schema. */
async function otherVerdict(document: unknown): Promise<boolean | undefined> {
  const kind = typeof document === "object" && document !== null ? (document as { kind?: unknown }).kind : undefined;
  if (!isDocumentKind(kind)) return undefined;
  const output = await hyperjumpValidate(`${BASE}${kind}.schema.json`, document as never);
  return output.valid;
}

const examples = [
  ...readExamples(validExamplesDir).map((e) => ({ ...e, dir: "valid" })),
  ...readExamples(invalidExamplesDir).map((e) => ({ ...e, dir: "invalid" })),
];

describe("@hyperjump/json-schema agrees with validate()", () => {
  it.each(examples.map((e) => [`${e.dir}/${e.file}`, e] as const))("%s", async (_name, example) => {
    const ours = validate(example.document);
    const theirs = await otherVerdict(example.document);
    if (theirs === undefined) {
      // No schema applies (not an object, no kind, unknown kind): only ours can judge it.
      expect(["not_an_object", "missing_kind", "unknown_kind"]).toContain(expectedCode(example.file));
      expect(ours.valid).toBe(false);
      return;
    }
    const code = expectedCode(example.file);
    // Nesting beyond our limit is refused before the schema is applied; the schema allows it.
    if (code === "too_deep") {
      expect(ours.valid).toBe(false);
      expect(theirs).toBe(true);
      return;
    }
    expect(theirs).toBe(ours.valid);
    expect(ours.valid).toBe(example.dir === "valid");
  });
});

describe("@hyperjump/json-schema agrees on mutated documents", () => {
  const valid = readExamples(validExamplesDir).map((e) => e.document as Record<string, unknown>);
  const leaf = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -5, max: 3000 }), fc.double({ noNaN: true }), fc.string({ maxLength: 8 }), fc.constant([]), fc.constant({}));

  it("gives the same verdict after replacing or deleting any part of a valid document", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...valid), fc.nat(), fc.option(leaf, { nil: undefined }), async (document, pick, value) => {
        const copy = structuredClone(document);
        const slots: Array<[Record<string, unknown> | unknown[], string | number]> = [];
        const collect = (node: unknown): void => {
          if (Array.isArray(node)) node.forEach((v, i) => (slots.push([node, i]), collect(v)));
          else if (node && typeof node === "object") for (const [k, v] of Object.entries(node)) (slots.push([node as Record<string, unknown>, k]), collect(v));
        };
        collect(copy);
        const [parent, key] = slots[pick % slots.length] as [Record<string, unknown>, string];
        if (value === undefined && Array.isArray(parent)) parent.splice(Number(key), 1);
        else if (value === undefined) delete parent[key];
        else parent[key] = value;
        const theirs = await otherVerdict(copy);
        if (theirs === undefined) return;
        expect(validate(copy).valid).toBe(theirs);
      }),
      { numRuns: 300 },
    );
  });
});
