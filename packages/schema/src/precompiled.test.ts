// The precompiled validators are generated from trimmed copies of the schemas (no titles, only the
// descriptions the error mapping quotes, deprecations from a generated table), to keep the browser
// bundle small. They must report exactly what a validator compiled at run time from the full
// schemas reports: same codes, pointers, messages and params.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDocumentKind, type DocumentKind } from "./kinds";
import { createValidator, type RuntimeValidator } from "./runtime";
import { schemas } from "./schemas";
import { invalidExamplesDir, readExamples, validExamplesDir } from "./test-support";
import { validate } from "./validate";
import { formats } from "./validator-runtime";
import { fullFormats } from "ajv-formats/dist/formats.js";

const compiled = new Map<DocumentKind, RuntimeValidator>();
function fromFullSchema(document: unknown): ReturnType<RuntimeValidator> | undefined {
  const kind = typeof document === "object" && document !== null ? (document as { kind?: unknown }).kind : undefined;
  if (typeof kind !== "string" || !isDocumentKind(kind)) return undefined;
  let check = compiled.get(kind);
  if (!check) compiled.set(kind, (check = createValidator(schemas[kind])));
  return check(document);
}

const valid = readExamples(validExamplesDir);
const examples = [...valid, ...readExamples(invalidExamplesDir)];

describe("precompiled validate() reports what the full schemas compiled at run time report", () => {
  it.each(examples.map((e) => [e.file, e.document] as const))("%s", (_file, document) => {
    const expected = fromFullSchema(document);
    if (expected !== undefined) expect(validate(document)).toEqual(expected);
  });

  it("after replacing, deleting or misspelling any part of a valid document", () => {
    const leaf = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.integer({ min: -5, max: 3000 }),
      fc.double({ noNaN: true }),
      fc.string({ maxLength: 8 }),
      fc.constantFrom("1.0", "1.1", "1.7", "2.0", "2024-02-30", "https://example.org", "not a uri", "a-b", "A B"),
      fc.constant([]),
      fc.constant({}),
      fc.constant({ evidence: "see https://example.org", level: "full" }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...valid.map((e) => e.document)),
        fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constant("delete"), fc.constant("rename"), leaf)), { minLength: 1, maxLength: 3 }),
        (original, edits) => {
          const copy = structuredClone(original);
          for (const [pick, edit] of edits) {
            const slots: Array<[Record<string, unknown> | unknown[], string | number]> = [];
            const collect = (node: unknown): void => {
              if (Array.isArray(node)) node.forEach((v, i) => (slots.push([node, i]), collect(v)));
              else if (node && typeof node === "object") for (const [k, v] of Object.entries(node)) (slots.push([node as Record<string, unknown>, k]), collect(v));
            };
            collect(copy);
            if (slots.length === 0) break;
            const [parent, key] = slots[pick % slots.length] as [Record<string, unknown>, string];
            if (edit === "delete" && Array.isArray(parent)) parent.splice(Number(key), 1);
            else if (edit === "delete") delete parent[key];
            else if (edit === "rename" && !Array.isArray(parent)) {
              // A typo: one letter dropped, so "did you mean" has something to find.
              const value = parent[key];
              delete parent[key];
              parent[key.length > 1 ? key.slice(0, -1) : `${key}x`] = value;
            } else if (edit !== "rename") parent[key] = structuredClone(edit);
          }
          const expected = fromFullSchema(copy);
          if (expected !== undefined) expect(validate(copy)).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe("the formats of the precompiled validators", () => {
  const ajvDate = (fullFormats.date as { validate: (s: string) => boolean }).validate;
  const ajvUri = fullFormats.uri as (s: string) => boolean;
  const samples = [
    "2024-02-29", "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-4-1", "1900-02-29", "2000-02-29", "",
    "https://example.org/page?q=1#top", "http://[::1]:8080/", "mailto:someone@example.org", "urn:isbn:0451450523", "example.org",
    "/relative/path", "https://exa mple.org", "ftp://user@host/file", "https://例え.jp", "a:b", "https://example.org/%zz",
  ];

  it("agree with ajv-formats", () => {
    for (const text of samples) {
      expect(formats.date.validate(text), text).toBe(ajvDate(text));
      expect(formats.uri(text), text).toBe(ajvUri(text));
    }
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))), (text) => {
        expect(formats.date.validate(text)).toBe(ajvDate(text));
        expect(formats.uri(text)).toBe(ajvUri(text));
      }),
      { numRuns: 500 },
    );
  });
});
