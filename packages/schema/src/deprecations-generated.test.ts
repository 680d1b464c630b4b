import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { fixtures, mutatedDocument } from "@cohesion/test-support";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error the codegen modules are plain JavaScript with JSDoc types
import { generateDeprecations } from "../scripts/codegen/deprecations.mjs";
import { findDeprecatedFields, type DeprecationCheck } from "./deprecated";
import * as generated from "./generated/deprecations";
import { schemas, schemasById } from "./schemas";

/*
 * The generated deprecation checks give the warnings of the schema walk they replace
 * (findDeprecatedFields, still used for schemas known only at run time), on the real schemas and on a
 * schema set that reaches deprecated fields through every path the generator follows.
 */

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** The generated module for a schema set, loaded. */
async function load(schemaFiles: { schema: Record<string, unknown> }[], base: string, kinds: string[]): Promise<Record<string, DeprecationCheck>> {
  const dir = mkdtempSync(join(tmpdir(), "cohesion-deprecations-"));
  temps.push(dir);
  const deprecated = fileURLToPath(new URL("./deprecated.ts", import.meta.url));
  const code = (generateDeprecations(schemaFiles, base, "// test", kinds) as string).replace('from "../deprecated"', `from ${JSON.stringify(deprecated)}`);
  writeFileSync(join(dir, "deprecations.ts"), code);
  return import(join(dir, "deprecations.ts"));
}

const withEvidence = fc
  .tuple(fc.dictionary(fc.constantFrom("q-a", "q-b", "constructor", "__proto__"), fc.record({ evidence: fc.string({ maxLength: 3 }), level: fc.constant("full") }, { requiredKeys: [] }), { maxKeys: 3 }), fc.constantFrom(undefined, "1.0", "1.1"))
  .map(([answers, version]) => {
    const document = JSON.parse(JSON.stringify({ ...fixtures.assessment, answers }));
    if (version === undefined) delete document.schemaVersion;
    else document.schemaVersion = version;
    return document as unknown;
  });

describe("the generated deprecation checks", () => {
  it("warn as the schema walk does on the real schemas", () => {
    const documents = fc.oneof(mutatedDocument(Object.values(fixtures.VALID_DOCUMENTS)), withEvidence);
    fc.assert(
      fc.property(documents, fc.constantFrom(...(Object.keys(schemas) as (keyof typeof schemas)[])), (document, kind) => {
        const version = typeof document === "object" && document !== null && typeof (document as { schemaVersion?: unknown }).schemaVersion === "string" ? (document as { schemaVersion: string }).schemaVersion : undefined;
        const check = generated[kind.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase()) as keyof typeof generated] as DeprecationCheck;
        expect(check(document, version)).toEqual(findDeprecatedFields(schemas[kind], document, schemasById, version));
      }),
      { numRuns: 1500 },
    );
  });

  it("follow items, additionalProperties beside declared names, $ref loops and if/then branches", async () => {
    const base = "https://example.test/1.0/";
    const old = { deprecated: true, "x-deprecatedSince": "1.0", "x-replacement": "fresh", description: "Old." };
    const defs = {
      $id: `${base}defs.schema.json`,
      $defs: {
        node: { type: "object", properties: { old, children: { type: "array", items: { $ref: "#/$defs/node" } } } },
      },
    };
    const doc = {
      $id: `${base}doc.schema.json`,
      type: "object",
      properties: {
        kind: { const: "doc" },
        tree: { $ref: "defs.schema.json#/$defs/node" },
        map: { type: "object", properties: { fixed: { type: "string" } }, additionalProperties: { type: "object", properties: { old } } },
      },
      allOf: [{ if: { properties: { kind: { const: "doc" } } }, then: { properties: { extra: { type: "object", properties: { old } } } } }],
    };
    const schemaFiles = [{ schema: defs }, { schema: doc }];
    const registry = new Map<string, unknown>([[defs.$id, defs], [doc.$id, doc]]);
    const module = await load(schemaFiles, base, ["doc"]);
    const data = {
      kind: "doc",
      tree: { old: 1, children: [{ children: [{ old: 2 }] }, { old: 3 }] },
      map: { fixed: "x", a: { old: 4 } },
      extra: { old: 6 },
    };
    // Parsed, so "__proto__" is an own key as in a document read from a file.
    const input = JSON.parse(JSON.stringify(data).replace('"a":{"old":4}', '"a":{"old":4},"__proto__":{"old":5}'));
    const expected = findDeprecatedFields(doc, input, registry, "1.0");
    expect(expected.map((p) => p.pointer).sort()).toEqual(["/extra/old", "/map/__proto__/old", "/map/a/old", "/tree/children/0/children/0/old", "/tree/children/1/old", "/tree/old"]);
    const found = (module.doc as DeprecationCheck)(input, "1.0");
    expect([...found].sort((a, b) => a.pointer.localeCompare(b.pointer))).toEqual([...expected].sort((a, b) => a.pointer.localeCompare(b.pointer)));
  });
});
