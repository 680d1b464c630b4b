import { existsSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readSchemaFiles, schemasDir } from "../test-support";
import { compareBumps, diffSchemas, type SchemaSet } from "./diff";

const base = {
  $id: "https://schemas.cohesion.dev/1.0/thing.schema.json",
  title: "Thing",
  type: "object",
  properties: {
    id: { title: "Id", type: "string", pattern: "^[a-z]+$", maxLength: 40 },
    size: { title: "Size", type: "string", enum: ["small", "large"] },
    count: { title: "Count", type: "integer", minimum: 0 },
  },
  required: ["id"],
  additionalProperties: false,
  $defs: { tag: { type: "string", minLength: 1 } },
};

type Mutable = Record<string, any>;

/** The diff of `base` against a copy changed by `change`. */
function diffAfter(change: (schema: Mutable) => void) {
  const after = structuredClone(base) as Mutable;
  change(after);
  return diffSchemas({ "thing.schema.json": base }, { "thing.schema.json": after });
}

describe("diffSchemas", () => {
  it("finds nothing between equal sets, whatever the key order and the version in $id", () => {
    const { additionalProperties, ...rest } = structuredClone(base);
    const reordered = { additionalProperties, ...rest, $id: "https://schemas.cohesion.dev/1.1/thing.schema.json" };
    expect(diffSchemas({ "thing.schema.json": base }, { "thing.schema.json": reordered })).toEqual({ bump: "none", changes: [] });
  });

  it.each([
    ["an added optional field", (s: Mutable) => (s.properties.colour = { type: "string" }), "field_added", "/properties/colour"],
    ["a widened enum", (s: Mutable) => s.properties.size.enum.push("medium"), "enum_widened", "/properties/size/enum"],
    ["a longer maximum length", (s: Mutable) => (s.properties.id.maxLength = 80), "constraint_loosened", "/properties/id/maxLength"],
    ["a lower minimum", (s: Mutable) => (s.properties.count.minimum = -5), "constraint_loosened", "/properties/count/minimum"],
    ["a removed pattern", (s: Mutable) => delete s.properties.id.pattern, "constraint_loosened", "/properties/id/pattern"],
    ["a new $def", (s: Mutable) => (s.$defs.label = { type: "string" }), "def_added", "/$defs/label"],
    ["a type widened to number", (s: Mutable) => (s.properties.count.type = "number"), "type_widened", "/properties/count/type"],
    ["a field made optional", (s: Mutable) => (s.required = []), "field_optional", "/required"],
    ["an opened object", (s: Mutable) => delete s.additionalProperties, "object_opened", "/additionalProperties"],
  ])("classifies %s as minor", (_name, change, kind, pointer) => {
    const diff = diffAfter(change);
    expect(diff.bump).toBe("minor");
    expect(diff.changes).toMatchObject([{ kind, bump: "minor", file: "thing.schema.json", pointer }]);
    expect(diff.changes[0]?.reason.length).toBeGreaterThan(5);
  });

  it.each([
    ["a removed field", (s: Mutable) => delete s.properties.count, "field_removed", "/properties/count"],
    ["a new required field", (s: Mutable) => ((s.properties.owner = { type: "string" }), s.required.push("owner")), "field_required", "/properties/owner"],
    ["an existing field made required", (s: Mutable) => s.required.push("size"), "field_required", "/required"],
    ["a narrowed type", (s: Mutable) => (s.properties.size.type = "integer"), "type_narrowed", "/properties/size/type"],
    ["a narrowed enum", (s: Mutable) => s.properties.size.enum.pop(), "enum_narrowed", "/properties/size/enum"],
    ["a tightened pattern", (s: Mutable) => (s.properties.id.pattern = "^[a-z]{3}$"), "constraint_tightened", "/properties/id/pattern"],
    ["a shorter maximum length", (s: Mutable) => (s.properties.id.maxLength = 20), "constraint_tightened", "/properties/id/maxLength"],
    ["a new minimum length", (s: Mutable) => (s.properties.id.minLength = 2), "constraint_tightened", "/properties/id/minLength"],
    ["a raised minimum", (s: Mutable) => (s.properties.count.minimum = 1), "constraint_tightened", "/properties/count/minimum"],
    ["a removed $def", (s: Mutable) => delete s.$defs.tag, "def_removed", "/$defs/tag"],
    ["a changed $ref", (s: Mutable) => (s.properties.count = { $ref: "#/$defs/tag" }), "reference_changed", "/properties/count/$ref"],
  ])("classifies %s as major", (name, change, kind, pointer) => {
    const diff = diffAfter(change);
    expect(diff.bump, name).toBe("major");
    expect(diff.changes.find((c) => c.kind === kind)).toMatchObject({ pointer });
  });

  it("classifies closing an open object as major", () => {
    const open = { ...base, additionalProperties: true };
    const diff = diffSchemas({ "thing.schema.json": open }, { "thing.schema.json": base });
    expect(diff).toMatchObject({ bump: "major", changes: [{ kind: "object_closed", pointer: "/additionalProperties" }] });
  });

  it("classifies a change to titles and descriptions only as a patch", () => {
    const diff = diffAfter((s) => {
      s.title = "A thing";
      s.properties.id.description = "The id.";
      s.properties.size["x-enumDescriptions"] = { small: "S", large: "L" };
    });
    expect(diff.bump).toBe("patch");
    expect(diff.changes.map((c) => c.kind)).toEqual(["annotation_changed", "annotation_changed", "annotation_changed"]);
  });

  it("takes the largest bump of all changes, and reports files added and removed", () => {
    const diff = diffSchemas({ "a.schema.json": base, "b.schema.json": base }, { "a.schema.json": base, "c.schema.json": base });
    expect(diff.bump).toBe("major");
    expect(diff.changes.map((c) => [c.kind, c.file])).toEqual([
      ["schema_removed", "b.schema.json"],
      ["schema_added", "c.schema.json"],
    ]);
  });

  it("classifies the real 1.0 → 1.1 change as minor: evidenceLinks added, evidence deprecated", () => {
    const set = (dir?: string): SchemaSet => Object.fromEntries(readSchemaFiles(dir).map((f) => [f.file, f.schema]));
    // 1.1 as frozen once it is, else the current schemas (which are 1.1 until the next version is cut).
    const v1_1 = existsSync(`${schemasDir}releases/1.1/`) ? `${schemasDir}releases/1.1/` : undefined;
    const diff = diffSchemas(set(`${schemasDir}releases/1.0/`), set(v1_1));
    expect(diff.bump).toBe("minor");
    // The assessment's part of the change (until 1.1 is frozen, 1.1 may hold other additions).
    const assessment = diff.changes.filter((c) => c.file === "assessment.schema.json");
    expect(assessment.filter((c) => c.bump === "minor")).toEqual([
      {
        kind: "field_added",
        bump: "minor",
        file: "assessment.schema.json",
        pointer: "/$defs/answer/properties/evidenceLinks",
        reason: 'new optional field "evidenceLinks"',
      },
    ]);
    expect(assessment.every((c) => c.pointer.startsWith("/$defs/answer/properties/evidence"))).toBe(true);
  });

  it("orders bumps", () => {
    expect(["major", "none", "minor", "patch"].sort((a, b) => compareBumps(a as never, b as never))).toEqual(["none", "patch", "minor", "major"]);
  });

  it("never throws on arbitrary JSON, finds nothing between a set and itself, and gives each change its kind's bump", () => {
    const set = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 5 }), { maxKeys: 3 });
    fc.assert(
      fc.property(set, set, (a, b) => {
        expect(diffSchemas(a, structuredClone(a))).toEqual({ bump: "none", changes: [] });
        const diff = diffSchemas(a, b);
        for (const change of diff.changes) {
          expect(change.pointer === "" || change.pointer.startsWith("/")).toBe(true);
          expect(compareBumps(change.bump, diff.bump)).toBeLessThanOrEqual(0);
        }
        expect(diff.bump === "none").toBe(diff.changes.length === 0);
      }),
      { numRuns: 300 },
    );
  });

  it("calls adding any optional field to a closed object minor, and removing it again major", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-zA-Z]{0,10}$/), fc.jsonValue({ maxDepth: 3 }), (name, fieldSchema) => {
        fc.pre(!Object.hasOwn(base.properties, name));
        const after = structuredClone(base) as Mutable;
        after.properties[name] = fieldSchema;
        const files = (s: unknown) => ({ "thing.schema.json": s });
        expect(diffSchemas(files(base), files(after)).bump).toBe("minor");
        expect(diffSchemas(files(after), files(base)).bump).toBe("major");
      }),
    );
  });
});
