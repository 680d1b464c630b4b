import { describe, expect, it } from "vitest";
// @ts-expect-error the codegen modules are plain JavaScript with JSDoc types
import { generateZod } from "../scripts/zod.mjs";

/*
 * The zod generator translates the keywords the schemas use and stops, naming the place, at anything
 * it cannot translate exactly, so a schema change never yields a zod schema that disagrees silently.
 */

const BASE = "https://example.test/1.0/";
const defs = { $id: `${BASE}defs.schema.json`, $defs: { name: { type: "string", maxLength: 3 } } };

function generate(thing: Record<string, unknown>): string {
  const schema = { $id: `${BASE}thing.schema.json`, title: "Thing", ...thing };
  return generateZod([{ schema: defs }, { schema }], BASE, ["thing"], "// test") as string;
}

describe("generateZod", () => {
  it("translates a closed object with required and optional fields, $ref, lengths and formats", () => {
    const code = generate({
      type: "object",
      properties: { kind: { const: "thing" }, name: { $ref: "defs.schema.json#/$defs/name" }, on: { type: "string", format: "date" } },
      required: ["kind"],
      additionalProperties: false,
    });
    expect(code).toContain('export const nameSchema = jsonString({ maxLength: 3 });');
    expect(code).toContain('"kind": z.literal("thing"), "name": nameSchema.exactOptional(), "on": jsonString({ format: "date" }).exactOptional()');
    expect(code).toContain('export const thingSchema = documentRules(z.strictObject(');
    expect(code).toContain('"thing": thingSchema,');
  });

  it("reads a schema that refers to itself lazily, typed by its generated type", () => {
    const code = generate({ $defs: { node: { title: "Tree node", type: "object", properties: { children: { type: "array", items: { $ref: "#/$defs/node" } } }, additionalProperties: false } }, $ref: "#/$defs/node" });
    expect(code).toContain("export const nodeSchema: z.ZodType<TreeNode> =");
    expect(code).toContain("z.lazy(() => nodeSchema)");
    expect(code).toContain('import type { TreeNode } from "@cohesion/schema";');
  });

  it("stops at a keyword it cannot translate, naming where", () => {
    expect(() => generate({ type: "object", properties: { a: { oneOf: [{ type: "string" }, { type: "number" }] } }, additionalProperties: false })).toThrow(
      'codegen: zod cannot express "oneOf" at thing.schema.json/properties/a',
    );
    expect(() => generate({ type: "string", format: "email" })).toThrow("format email");
  });

  it("stops at an object that declares properties but lets others through", () => {
    expect(() => generate({ type: "object", properties: { a: { type: "string" } } })).toThrow("is not closed");
  });

  it("stops at a $ref to nothing", () => {
    expect(() => generate({ $ref: "defs.schema.json#/$defs/missing" })).toThrow("names no root or $defs entry");
  });
});
