// The validator compiler of codegen on small schema sets: it refuses what it does not implement, shares
// the code of a definition between the schemas that use it, and its output is deterministic.
import { describe, expect, it } from "vitest";
// @ts-expect-error the codegen modules are plain JavaScript with JSDoc types
import { generateValidators } from "../scripts/codegen/validators.mjs";

const BASE = "https://schemas.cohesion.dev/9.9/";

function schemaFiles(thing: Record<string, unknown>, other: Record<string, unknown> = {}) {
  const defs = {
    $id: `${BASE}defs.schema.json`,
    $defs: { name: { type: "string", minLength: 1, maxLength: 20, pattern: "^[a-z]+$", description: "A name." } },
  };
  const base = (name: string, extra: Record<string, unknown>) => ({
    $id: `${BASE}${name}.schema.json`,
    type: "object",
    properties: { name: { $ref: "defs.schema.json#/$defs/name" }, ...extra },
    required: ["name"],
    additionalProperties: false,
  });
  return [defs, base("thing", thing), base("other", other)].map((schema) => ({ file: "", text: "", schema }));
}

const generate = (files: ReturnType<typeof schemaFiles>): string => (generateValidators(files, BASE, 90, 100) as { js: string }).js;

describe("the validator compiler", () => {
  it("refuses a keyword it does not implement, naming it", () => {
    expect(() => generate(schemaFiles({ count: { type: "integer", multipleOf: 2 } }))).toThrow(/"multipleOf"/);
    expect(() => generate(schemaFiles({ any: { anyOf: [{ type: "string" }] } }))).toThrow(/"anyOf"/);
  });

  it("refuses a format the validators do not implement", () => {
    expect(() => generate(schemaFiles({ mail: { type: "string", format: "email" } }))).toThrow(/format "email"/);
  });

  it("compiles a definition once for every schema that refers to it", () => {
    const code = generate(schemaFiles({}));
    // One check of the name's pattern, though both schemas use the definition.
    expect(code.match(/new RegExp\("\^\[a-z\]\+\$","u"\)/g)).toHaveLength(1);
    expect(code.match(/"minLength"/g)).toHaveLength(1);
  });

  it("writes the same code for the same schemas", () => {
    const files = schemaFiles({ tags: { type: "array", items: { $ref: "defs.schema.json#/$defs/name" }, uniqueItems: true } });
    expect(generate(files)).toBe(generate(structuredClone(files)));
  });

  it("builds validators that report what the schemas say, in the shape the error mapping reads", async () => {
    const code = generate(schemaFiles({ tags: { type: "array", items: { $ref: "defs.schema.json#/$defs/name" }, minItems: 1 } }));
    const module = (await import(`data:text/javascript,${encodeURIComponent(code.replace(/^import .*$/m, RUNTIME))}`)) as Record<
      string,
      { (d: unknown): boolean; collect(d: unknown): Array<{ instancePath: string; keyword: string; params: unknown }> }
    >;
    const thing = module.thing;
    if (!thing) throw new Error("no validator of thing");
    expect(thing({ name: "ab", tags: ["cd"] })).toBe(true);
    const bad = { name: "A", tags: [], extra: 1 };
    expect(thing(bad)).toBe(false);
    expect(thing.collect(bad).map((e) => [e.instancePath, e.keyword, e.params])).toEqual([
      ["", "additionalProperties", { additionalProperty: "extra" }],
      ["/name", "pattern", { pattern: "^[a-z]+$" }],
      ["/tags", "minItems", { limit: 1 }],
    ]);
  });
});

// The run-time helpers the generated module imports, inlined so it can be loaded from a data: URL.
const RUNTIME = `
const equal = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const esc = (k) => String(k).replace(/~/g, "~0").replace(/\\//g, "~1");
const isDate = () => true;
const isUri = () => true;
const ucs2length = (s) => [...s].length;
`;
