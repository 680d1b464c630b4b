import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manifest, makeTemp, practice, removeTemp, writePlugin } from "../test/fixtures";
import { createHost } from "./host";
import { extendSchema } from "./schema-extensions";
import { SCHEMA_VERSION } from "@cohesion/schema";

let root: string;
beforeEach(() => {
  root = makeTemp();
});
afterEach(() => removeTemp(root));

const ratingPatch = { properties: { acmeRating: { type: "integer", minimum: 1, maximum: 5 } } };

describe("extendSchema", () => {
  it("validates against the core schema merged with the patches", () => {
    const result = extendSchema("practice", [ratingPatch], "acme");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(String(result.schema["$id"])).toMatch(/practice\+acme\.schema\.json$/);
    expect(result.validate(practice("acme", "one", { acmeRating: 4 }))).toEqual({ valid: true, errors: [] });
    const report = result.validate(practice("acme", "one", { acmeRating: 9 }));
    expect(report.valid).toBe(false);
    expect(report.errors.map((problem) => problem.pointer)).toEqual(["/acmeRating"]);
  });

  it("can take fields away as well, with null", () => {
    const result = extendSchema("practice", [{ required: ["kind", "schemaVersion", "id", "title", "country", "summary", "sources"] }], "acme");
    expect(result.ok && result.validate({ ...practice("acme", "one"), city: undefined }).valid).toBe(true);
  });

  it("reports a merged schema that does not compile instead of throwing", () => {
    const result = extendSchema("practice", [{ properties: { acmeRating: { type: "whole number" } } }], "acme");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.length).toBeGreaterThan(0);
  });
});

describe("plugin schema extensions", () => {
  const extended = (folder: string, id: string, practices: unknown, patch: unknown = ratingPatch) =>
    writePlugin(
      join(root, folder),
      manifest(id, { practices: ["content/practices.json"], schemaExtensions: [{ kind: "practice", patch: "schema/practice.patch.json" }] }),
      { "content/practices.json": practices, "schema/practice.patch.json": patch },
    );

  it("validates the plugin's own documents against the merged schema", () => {
    const h = createHost({ cwd: root, discover: false });
    const info = h.addPlugin(extended("acme", "acme", [practice("acme", "rated", { acmeRating: 4 }), practice("acme", "overrated", { acmeRating: 9 })]));
    expect(info.problems.map((problem) => [problem.pointer, problem.file])).toEqual([["/1/acmeRating", join(root, "acme", "content", "practices.json")]]);
    expect(info.documents).toEqual({ practice: ["acme.rated"] });
  });

  it("without the extension, the extra field is refused by the core schema", () => {
    const h = createHost({ cwd: root, discover: false });
    const folder = writePlugin(join(root, "plain"), manifest("plain", { practices: ["p.json"] }), { "p.json": practice("plain", "rated", { acmeRating: 4 }) });
    const info = h.addPlugin(folder);
    expect(info.problems).toHaveLength(1);
    expect(info.problems[0]).toMatchObject({ code: "unknown_field", pointer: "", params: { field: "acmeRating" }, file: join(folder, "p.json") });
  });

  it("checks a refused plugin's content against its own extension, and not at all when the extension cannot be used", () => {
    const refusedPlugin = (folder: string, patch: unknown) => {
      const cohesion = manifest("acme", { practices: ["content/practices.json"], schemaExtensions: [{ kind: "practice", patch: "schema/practice.patch.json" }] });
      delete cohesion["manifestVersion"];
      const files: Record<string, unknown> = { "content/practices.json": [practice("acme", "rated", { acmeRating: 4 }), practice("acme", "overrated", { acmeRating: 9 })] };
      if (patch !== undefined) files["schema/practice.patch.json"] = patch;
      return writePlugin(join(root, folder), cohesion, files);
    };
    const h = createHost({ cwd: root, discover: false });
    // The manifest misses manifestVersion; the extension is fine, so the content is checked with it:
    // acmeRating is known, and the rating of 9 is over the extension's maximum.
    const usable = h.addPlugin(refusedPlugin("usable", ratingPatch));
    expect(usable.status).toBe("refused");
    expect(usable.problems.map((problem) => `${problem.code} ${problem.pointer}`)).toEqual(["missing_required_field /cohesion", "out_of_range /1/acmeRating"]);
    // The extension's patch is missing: its kind is not checked at all, rather than every acmeRating called unknown.
    const unusable = h.addPlugin(refusedPlugin("unusable", undefined));
    expect(unusable.problems.map((problem) => `${problem.code} ${problem.pointer}`)).toEqual(["missing_required_field /cohesion", "content_file_not_found /cohesion/contributes/schemaExtensions/0/patch"]);
  });

  it("host.validate and host.schemaFor use every loaded extension", () => {
    const h = createHost({ cwd: root, discover: false });
    const rated = practice("someone", "rated", { acmeRating: 3 });
    expect(h.validate(rated).valid).toBe(false);
    h.addPlugin(extended("acme", "acme", []));
    expect(h.validate(rated)).toEqual({ valid: true, errors: [] });
    expect((h.schemaFor("practice")["properties"] as Record<string, unknown>)["acmeRating"]).toEqual(ratingPatch.properties.acmeRating);
    expect(h.schemaFor("place")).toBe(h.schemaFor("place"));
  });

  it("with content: false, reads no content yet validates with every extension, as a full host does", () => {
    const folder = extended("acme-lean", "acme", [practice("acme", "rated", { acmeRating: 4 })]);
    const full = createHost({ cwd: root, discover: false });
    const lean = createHost({ cwd: root, discover: false, content: false });
    full.addPlugin(folder);
    const info = lean.addPlugin(folder);
    expect(info.status).toBe("loaded");
    expect(info.documents).toEqual({});
    expect(lean.documents()).toEqual([]);
    expect(full.documents().length).toBe(1);
    for (const rating of [3, 9, "four"]) expect(lean.validate(practice("x", "y", { acmeRating: rating }))).toEqual(full.validate(practice("x", "y", { acmeRating: rating })));
  });

  it.each([
    ["not an object", [1, 2]],
    ["not a compilable schema", { properties: { acmeRating: { type: "whole number" } } }],
  ])("invalid_schema_extension for a patch that is %s", (_label, patch) => {
    const h = createHost({ cwd: root, discover: false });
    const info = h.addPlugin(extended("acme", "acme", [], patch));
    expect(info.problems.map((problem) => problem.code)).toEqual(["invalid_schema_extension"]);
    expect(info.problems[0]).toMatchObject({ pointer: "/cohesion/contributes/schemaExtensions/0/patch", params: { plugin: "acme", kind: "practice" } });
  });

  it("refuses the plugin whole when a patch does not compile: no content, no extension, the compile error named", () => {
    const h = createHost({ cwd: root, discover: false });
    const info = h.addPlugin(extended("acme", "acme", [practice("acme", "rated", { acmeRating: 4 })], { properties: { acmeRating: { type: "integer", minimum: "one" } } }));
    expect(info.status).toBe("refused");
    expect(info.documents).toEqual({});
    expect(info.problems[0]?.message).toMatch(/^The schema extension "schema\/practice.patch.json" of plugin "acme" for practice documents cannot be used: .*minimum.*\. The plugin was not loaded\.$/);
    expect(h.validate(practice("other", "rated", { acmeRating: 4 })).valid).toBe(false);
  });

  describe("the schema versions an extension targets", () => {
    const targeted = (schemaVersions: string | undefined, patch: unknown, kind = "assessment") =>
      writePlugin(
        join(root, "acme"),
        manifest("acme", { schemaExtensions: [{ kind, patch: "schema/patch.json", ...(schemaVersions === undefined ? {} : { schemaVersions }) }] }),
        { "schema/patch.json": patch },
      );
    const evidencePatch = { $defs: { answer: { properties: { evidence: { description: "What supports the answer, as ACME asks for it." } } } } };

    it("loads an extension whose range holds the host's schema version, or that gives none (the manifest's major)", () => {
      for (const range of [`^${SCHEMA_VERSION}`, undefined]) {
        const h = createHost({ cwd: root, discover: false });
        const info = h.addPlugin(targeted(range, evidencePatch));
        expect(info.problems, String(range)).toEqual([]);
        expect(info.status).toBe("loaded");
        removeTemp(join(root, "acme"));
      }
    });

    it("refuses, naming plugin, field and versions, a patch on a field the core changed since the version it targets", () => {
      const h = createHost({ cwd: root, discover: false });
      const info = h.addPlugin(targeted("1.0", evidencePatch));
      expect(info.status).toBe("refused");
      expect(info.problems.map((p) => [p.code, p.pointer, p.params["field"], p.params["change"], p.params["target"]])).toEqual([
        ["schema_extension_conflict", "/cohesion/contributes/schemaExtensions/0/schemaVersions", "/$defs/answer/properties/evidence", "changed", "1.0"],
      ]);
      expect(info.problems[0]?.message).toContain(`Plugin "acme" extends assessment documents for schema versions 1.0 (written for 1.0), but its patch "schema/patch.json" touches /$defs/answer/properties/evidence, which this host's schema ${SCHEMA_VERSION} has changed since 1.0`);
    });

    it("refuses a patch that would define a field the core has added since", () => {
      const h = createHost({ cwd: root, discover: false });
      const info = h.addPlugin(targeted("1.0", { $defs: { answer: { properties: { evidenceLinks: { type: "string" } } } } }));
      expect(info.problems.map((p) => p.params["change"])).toEqual(["added"]);
    });

    it("loads a patch on untouched fields even outside its range", () => {
      const h = createHost({ cwd: root, discover: false });
      expect(h.addPlugin(targeted("1.0", ratingPatch, "practice")).status).toBe("loaded");
    });

    it("refuses a range with no version the host ships, and one that is no range, saying what to write", () => {
      const future = createHost({ cwd: root, discover: false }).addPlugin(targeted("^9.0", ratingPatch, "practice"));
      expect(future.problems.map((p) => p.code)).toEqual(["schema_extension_unsupported"]);
      expect(future.problems[0]?.message).toContain("none of which this host ships");
      removeTemp(join(root, "acme"));
      const nonsense = createHost({ cwd: root, discover: false }).addPlugin(targeted("soon", ratingPatch, "practice"));
      expect(nonsense.problems[0]?.message).toContain('which is not a range of versions (write it as npm does, e.g. "^1.1")');
    });
  });

  it("content_path_outside_plugin for a patch outside the plugin", () => {
    const h = createHost({ cwd: root, discover: false });
    const folder = writePlugin(join(root, "acme"), manifest("acme", { schemaExtensions: [{ kind: "practice", patch: "../patch.json" }] }));
    expect(h.addPlugin(folder).problems.map((problem) => problem.code)).toEqual(["content_path_outside_plugin"]);
  });
});
