import { readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { benchmark, manifest, makeTemp, practice, removeTemp, writeFile, writePlugin } from "../test/fixtures";
import { createHost } from "./host";

let root: string;
beforeEach(() => {
  root = makeTemp();
});
afterEach(() => removeTemp(root));

const host = () => createHost({ cwd: root, discover: false });

describe("content contributions", () => {
  it("loads single documents and arrays as data, and records where each came from", () => {
    const folder = writePlugin(join(root, "acme"), manifest("acme", { benchmarks: ["content/benchmark.json"], practices: ["content/practices.json"] }), {
      "content/benchmark.json": benchmark("acme"),
      "content/practices.json": [practice("acme", "one"), practice("acme", "two")],
    });
    const h = host();
    const info = h.addPlugin(folder);
    expect(info.problems).toEqual([]);
    expect(info.documents).toEqual({ benchmark: ["acme.participation"], practice: ["acme.one", "acme.two"] });
    expect(h.documents()).toHaveLength(3);
    expect(h.origin("acme.two")).toEqual({ plugin: "acme", file: join(folder, "content", "practices.json"), pointer: "/1" });
    expect(h.report()).toEqual({ valid: true, errors: [] });
  });

  it.each([
    ["a path climbing out with ..", "../elsewhere/practices.json"],
    ["an absolute path", "/etc/hostname"],
  ])("content_path_outside_plugin for %s", (_label, path) => {
    writeFile(join(root, "elsewhere", "practices.json"), [practice("acme", "one")]);
    const folder = writePlugin(join(root, "acme"), manifest("acme", { practices: [path] }));
    const info = host().addPlugin(folder);
    expect(info.problems).toHaveLength(1);
    expect(info.problems[0]).toMatchObject({ code: "content_path_outside_plugin", pointer: "/cohesion/contributes/practices/0", file: join(folder, "package.json") });
    expect(info.documents).toEqual({});
  });

  it("content_path_outside_plugin for a symbolic link whose target lies outside", () => {
    writeFile(join(root, "elsewhere", "practices.json"), [practice("acme", "one")]);
    const folder = writePlugin(join(root, "acme"), manifest("acme", { practices: ["content/practices.json"] }));
    writeFile(join(folder, "content", ".keep"), "");
    symlinkSync(join(root, "elsewhere", "practices.json"), join(folder, "content", "practices.json"));
    const info = host().addPlugin(folder);
    expect(info.problems.map((problem) => problem.code)).toEqual(["content_path_outside_plugin"]);
    expect(info.problems[0]?.params["resolved"]).toBe(join(root, "elsewhere", "practices.json"));
  });

  it("content_file_not_found for a listed file that does not exist", () => {
    const folder = writePlugin(join(root, "acme"), manifest("acme", { practices: ["content/missing.json"] }));
    const info = host().addPlugin(folder);
    expect(info.problems[0]).toMatchObject({ code: "content_file_not_found", params: { path: "content/missing.json", resolved: join(folder, "content", "missing.json") } });
  });

  it("invalid_json with the line and column of the error in the content file", () => {
    const folder = writePlugin(join(root, "acme"), manifest("acme", { practices: ["content/practices.json"] }), {
      "content/practices.json": '[\n  {"kind": "practice",\n   "id": "acme.x" "title": "X"}\n]',
    });
    const info = host().addPlugin(folder);
    expect(info.problems).toHaveLength(1);
    expect(info.problems[0]).toMatchObject({ code: "invalid_json", file: join(folder, "content", "practices.json"), line: 3, params: { line: 3, column: 19 } });
  });

  it("invalid_utf8 with its line and column for a content file or package.json with a byte that is not UTF-8, never U+FFFD", () => {
    const folder = writePlugin(join(root, "acme"), manifest("acme", { practices: ["content/practices.json"] }), { "content/practices.json": [] });
    const text = JSON.stringify([practice("acme", "one")], null, 2);
    const at = text.indexOf('"title": "') + '"title": "'.length;
    // "Liège" as a Windows code page writes it: "è" is the one byte 0xE8.
    // A genuine U+FFFD (three bytes, well-formed) on the first line does not move where the bad byte is.
    writeFileSync(join(folder, "content", "practices.json"), Buffer.concat([Buffer.from(`${text.slice(0, 1)}\uFFFD`), Buffer.from(text.slice(1, at)), Buffer.from([0x4c, 0x69, 0xe8, 0x67, 0x65, 0x20]), Buffer.from(text.slice(at))]));
    const line = text.slice(0, at).split("\n").length;
    const info = host().addPlugin(folder);
    expect(info.problems).toEqual([expect.objectContaining({ code: "invalid_utf8", file: join(folder, "content", "practices.json"), line, params: expect.objectContaining({ line, column: at - text.lastIndexOf("\n", at) + 2 }) })]);
    expect(info.documents).toEqual({});
    const other = writePlugin(join(root, "other"), manifest("other"));
    const pkg = readFileSync(join(other, "package.json"));
    writeFileSync(join(other, "package.json"), Buffer.concat([pkg.subarray(0, 1), Buffer.from([0xff]), pkg.subarray(1)]));
    expect(host().addPlugin(other).problems.map((problem) => problem.code)).toEqual(["invalid_utf8"]);
  });

  it("wrong_contribution_kind for a document listed under the wrong point", () => {
    const folder = writePlugin(join(root, "acme"), manifest("acme", { practices: ["content/mixed.json"] }), {
      "content/mixed.json": [practice("acme", "fine"), benchmark("acme")],
    });
    const info = host().addPlugin(folder);
    expect(info.problems).toHaveLength(1);
    expect(info.problems[0]).toMatchObject({
      code: "wrong_contribution_kind",
      pointer: "/1/kind",
      params: { point: "practices", expected: "practice", actual: "benchmark", actualPoint: "benchmarks" },
    });
    expect(info.documents).toEqual({ practice: ["acme.fine"] });
  });

  it("validates each document, pointing into its file, and leaves invalid ones out", () => {
    const broken = practice("acme", "broken");
    delete broken["summary"];
    const folder = writePlugin(join(root, "acme"), manifest("acme", { practices: ["content/practices.json"] }), {
      "content/practices.json": [practice("acme", "fine"), { ...broken, country: "Belgium" }],
    });
    const h = host();
    const info = h.addPlugin(folder);
    expect(info.problems.length).toBeGreaterThanOrEqual(2);
    for (const problem of info.problems) {
      expect(problem.pointer.startsWith("/1")).toBe(true);
      expect(problem.file).toBe(join(folder, "content", "practices.json"));
    }
    expect(info.problems.map((problem) => problem.pointer)).toContain("/1/country");
    const country = info.problems.find((problem) => problem.pointer === "/1/country");
    const lines = JSON.stringify([practice("acme", "fine"), { ...broken, country: "Belgium" }], null, 2).split("\n");
    expect(lines[(country?.line ?? 0) - 1]).toContain('"country": "Belgium"');
    expect(h.catalog().practices().map((p) => p.id)).toEqual(["acme.fine"]);
  });

  it("id_not_namespaced for a document whose id does not start with the plugin id", () => {
    const folder = writePlugin(join(root, "acme"), manifest("acme", { practices: ["content/practice.json"] }), {
      "content/practice.json": practice("other", "one"),
    });
    const info = host().addPlugin(folder);
    expect(info.problems.map((problem) => problem.code)).toEqual(["id_not_namespaced"]);
    expect(info.problems[0]).toMatchObject({ pointer: "/id", params: { id: "other.one", plugin: "acme" } });
    expect(info.documents).toEqual({});
  });

  it("duplicate_contribution names both plugins when a second plugin contributes an id already taken", () => {
    const owner = writePlugin(join(root, "owner"), manifest("acme", { practices: ["p.json"] }), { "p.json": practice("acme", "one") });
    const intruder = writePlugin(join(root, "intruder"), manifest("other", { practices: ["p.json"] }), {
      "p.json": [practice("other", "fine"), practice("acme", "one", { city: "Malmö", country: "SE" })],
    });
    const h = host();
    h.addPlugin(owner);
    const info = h.addPlugin(intruder);
    expect(info.problems.map((problem) => problem.code)).toEqual(["id_not_namespaced", "duplicate_contribution"]);
    const duplicate = info.problems[1];
    expect(duplicate).toMatchObject({ pointer: "/1/id", params: { id: "acme.one", firstPlugin: "acme", secondPlugin: "other" } });
    expect(duplicate?.message).toContain('"acme"');
    expect(duplicate?.message).toContain('"other"');
    expect(h.catalog().practice("acme.one")?.city).toBe("Ghent");
    expect(info.documents).toEqual({ practice: ["other.fine"] });
  });

  it("duplicate_contribution for the same id twice, naming the plugin that had it first", () => {
    const folder = writePlugin(join(root, "acme"), manifest("acme", { practices: ["a.json", "b.json"] }), {
      "a.json": practice("acme", "one"),
      "b.json": [practice("acme", "one", { city: "Malmö", country: "SE" })],
    });
    const h = host();
    const info = h.addPlugin(folder);
    expect(info.problems).toHaveLength(1);
    expect(info.problems[0]).toMatchObject({
      code: "duplicate_contribution",
      pointer: "/0/id",
      file: join(folder, "b.json"),
      params: { id: "acme.one", firstPlugin: "acme", secondPlugin: "acme", firstFile: join(folder, "a.json") },
    });
    expect(h.catalog().practice("acme.one")?.city).toBe("Ghent");
  });

  it("allows the same benchmark id at two versions", () => {
    const folder = writePlugin(join(root, "acme"), manifest("acme", { benchmarks: ["v1.json", "v2.json"] }), {
      "v1.json": benchmark("acme", "1.0.0"),
      "v2.json": benchmark("acme", "2.0.0"),
    });
    expect(host().addPlugin(folder).problems).toEqual([]);
  });
});
