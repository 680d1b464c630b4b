import { describe, expect, it } from "vitest";
// @ts-expect-error the codegen modules are plain JavaScript with JSDoc types
import { standaloneValidators } from "../scripts/codegen/validators.mjs";
// @ts-expect-error the codegen modules are plain JavaScript with JSDoc types
import * as rewrites from "../scripts/codegen/validators-rewrite.mjs";

/*
 * Each rewrite of ajv's standalone code is held to ajv's output as it is today: run on code ajv emits
 * now, it must change it (it found its shape), and fed that shape altered, it must throw. A new ajv
 * release whose output has another shape fails here, naming the rewrite, before any validator differs.
 */

const BASE = "https://schemas.cohesion.dev/test/";
// A small schema set using what the real schemas use: $defs and $ref, verbose errors, if/then
// branches closed by unevaluatedProperties, a format, string lengths, uniqueItems.
const schemaFiles = [
  {
    schema: {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: `${BASE}defs.schema.json`,
      $defs: { name: { type: "string", minLength: 1, maxLength: 20, pattern: "^[a-z]+$", description: "A name." } },
    },
  },
  {
    schema: {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: `${BASE}thing.schema.json`,
      type: "object",
      properties: {
        kind: { const: "thing" },
        name: { $ref: "defs.schema.json#/$defs/name" },
        when: { type: "string", format: "date" },
        tags: { type: "array", items: { type: "string" }, uniqueItems: true },
        variant: { enum: ["a", "b"] },
        part: { $ref: "#/$defs/part" },
      },
      required: ["kind", "name"],
      allOf: [{ if: { properties: { variant: { const: "a" } }, required: ["variant"] }, then: { properties: { extra: { type: "integer" } } } }],
      unevaluatedProperties: false,
      $defs: { part: { type: "object", properties: { size: { type: "number", minimum: 0 } }, additionalProperties: false } },
    },
  },
];

const emitted: string = standaloneValidators(schemaFiles, { thing: `${BASE}thing.schema.json` }, false);

/** The code as it reaches a rewrite: every earlier rewrite applied. */
function before(rewrite: (code: string) => string): string {
  const index = rewrites.REWRITES.indexOf(rewrite);
  return rewrites.REWRITES.slice(0, index).reduce((code: string, r: (code: string) => string) => r(code), emitted);
}

// For each rewrite, ajv's output altered the way a release could change it.
const ALTERED: Record<string, (code: string) => string> = {
  dropKeywordValues: (code) => code.replaceAll(",parentSchema:", ",parentSchemaNode:").replace(",schema:", ",keywordValue:"),
  emptySchemaPaths: (code) => code.replace(/schemaPath:"[^"]*"/, "schemaPath:`#/x`"),
  callPushError: (code) => code.replace("if(vErrors === null){vErrors = [", "if(!vErrors){vErrors = ["),
  dropUnreadArguments: (code) => code.replace(",rootData,dynamicAnchors}", ",rootData,dynamicAnchors,extra}"),
  ownPropertyLookups: (code) => code.replace(/!(props\d+)\[(key\d+)\]/, "($1[$2] === undefined) && props9[key9]"),
  evaluatedAsConstants: (code) => code.replace(/\}(validate\d+)\.evaluated = /, "}Object.assign($1.evaluated, "),
  esmRuntime: (code) => code.replace('require("ajv/dist/runtime/ucs2length").default', 'require("ajv/dist/runtime/ucs2length.js").default'),
  pruneSchemaConstants: (code) => code.replace(/\bschema(\d+)\.properties/, "schema$1.nowhere"),
};

describe("the rewrites of ajv's standalone code", () => {
  it("apply to ajv's output as it is today, and leave code that imports only the ESM helpers", () => {
    const code: string = rewrites.rewriteValidators(emitted);
    expect(code).not.toMatch(/\brequire\(|new Function|\.evaluated\b|parentData|rootData|,schema:/);
    expect(code).toContain("__runtime.pushError(");
    expect(code).toContain("= __runtime.ucs2length;");
    expect(code).toContain("__runtime.formats.date");
    expect(code).toContain("Object.prototype.hasOwnProperty.call(props");
  });

  for (const rewrite of rewrites.REWRITES as ((code: string) => string)[]) {
    it(`${rewrite.name} finds its shape in ajv's output`, () => {
      const input = before(rewrite);
      // dropCompiledDefs only removes what a bundle would carry twice; the others always apply.
      if (rewrite.name !== "dropCompiledDefs") expect(rewrite(input)).not.toBe(input);
    });

    const alter = ALTERED[rewrite.name];
    if (alter) {
      it(`${rewrite.name} refuses ajv's output in another shape`, () => {
        const altered = alter(before(rewrite));
        expect(altered).not.toBe(before(rewrite));
        expect(() => rewrite(altered)).toThrow(/codegen:/);
      });
    }
  }
});
