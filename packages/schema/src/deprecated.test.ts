import { describe, expect, it } from "vitest";
import { findDeprecatedFields, mayFindDeprecated } from "./deprecated";

const defs = {
  $id: "https://example.test/defs.schema.json",
  $defs: { old: { deprecated: true } },
};
const registry = new Map<string, unknown>([[defs.$id, defs]]);

describe("mayFindDeprecated", () => {
  it("is false for a schema with no deprecated node and no $ref, whatever the registry holds", () => {
    const schema = { $id: "https://example.test/practice.schema.json", properties: { a: { type: "string" } } };
    expect(mayFindDeprecated(schema, registry)).toBe(false);
    expect(findDeprecatedFields(schema, { a: "x", old: 1 }, registry)).toEqual([]);
  });

  it("is true for a schema with a deprecated node", () => {
    expect(mayFindDeprecated({ properties: { a: { deprecated: true } } }, new Map())).toBe(true);
  });

  it("is true for a schema that may refer to a deprecated node elsewhere", () => {
    const schema = { $id: "https://example.test/doc.schema.json", properties: { a: { $ref: "defs.schema.json#/$defs/old" } } };
    expect(mayFindDeprecated(schema, registry)).toBe(true);
    expect(findDeprecatedFields(schema, { a: 1 }, registry).map((p) => p.pointer)).toEqual(["/a"]);
    expect(mayFindDeprecated(schema, new Map())).toBe(false);
  });
});
