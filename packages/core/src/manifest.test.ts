import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { benchmark, manifest, makeTemp, modelsFixturePoint, removeTemp, writeFile, writePlugin } from "../test/fixtures";
import { createHost } from "./host";

let root: string;
beforeEach(() => {
  root = makeTemp();
});
afterEach(() => removeTemp(root));

const codes = (problems: ReadonlyArray<{ code: string }>): string[] => problems.map((problem) => problem.code);

describe("plugin manifests", () => {
  it("reports schema problems with pointers into package.json and the file path, and refuses the plugin", () => {
    const folder = writePlugin(join(root, "bad"), { ...manifest("bad"), manifestVersion: 2, contributes: { practises: [] } });
    const host = createHost({ cwd: root, discover: false });
    const info = host.addPlugin(folder);
    expect(info.status).toBe("refused");
    expect(info.id).toBe("bad");
    expect(info.problems.length).toBeGreaterThanOrEqual(2);
    for (const problem of info.problems) {
      expect(problem.pointer.startsWith("/cohesion")).toBe(true);
      expect(problem.file).toBe(join(folder, "package.json"));
    }
    expect(info.problems.map((problem) => problem.pointer)).toEqual(expect.arrayContaining(["/cohesion/manifestVersion", "/cohesion/contributes"]));
    expect(info.problems.find((problem) => problem.pointer === "/cohesion/contributes")?.params).toMatchObject({ field: "practises", suggestion: "practices" });
    // writePlugin pretty-prints package.json: name, version, type, then cohesion from line 5.
    expect(info.problems.find((problem) => problem.pointer === "/cohesion/manifestVersion")?.line).toBe(9);
    expect(host.report().valid).toBe(false);
  });

  it("still checks the content an invalid manifest lists, so every problem shows at once, and loads none of it", () => {
    const broken = benchmark("acme");
    delete broken["title"];
    delete broken["sources"];
    const cohesion = manifest("acme", { benchmarks: ["content/benchmark.json"], practices: ["content/missing.json"] });
    delete cohesion["manifestVersion"];
    const host = createHost({ cwd: root, discover: false });
    const info = host.addPlugin(writePlugin(join(root, "acme"), cohesion, { "content/benchmark.json": broken }));
    expect(info.status).toBe("refused");
    expect(info.problems.map((problem) => `${problem.code} ${problem.pointer}`).sort()).toEqual([
      "content_file_not_found /cohesion/contributes/practices/0",
      "missing_required_field ",
      "missing_required_field ",
      "missing_required_field /cohesion",
    ]);
    expect(info.documents).toEqual({});
    expect(host.catalog().benchmarks()).toEqual([]);
  });

  it("plugin_not_found for a folder without package.json", () => {
    const host = createHost({ cwd: root, discover: false });
    const info = host.addPlugin(join(root, "nowhere"));
    expect(info.status).toBe("refused");
    expect(codes(info.problems)).toEqual(["plugin_not_found"]);
    expect(info.problems[0]?.message).toContain(join(root, "nowhere"));
  });

  it("not_a_plugin for a package without a cohesion key", () => {
    writeFile(join(root, "plain", "package.json"), { name: "plain", version: "1.0.0" });
    const info = createHost({ cwd: root, discover: false }).addPlugin(join(root, "plain"));
    expect(codes(info.problems)).toEqual(["not_a_plugin"]);
    expect(info.packageName).toBe("plain");
  });

  it("invalid_json with line and column for a broken package.json", () => {
    writeFile(join(root, "broken", "package.json"), '{\n  "name": "broken",\n  "cohesion": {,}\n}');
    const info = createHost({ cwd: root, discover: false }).addPlugin(join(root, "broken"));
    expect(codes(info.problems)).toEqual(["invalid_json"]);
    expect(info.problems[0]).toMatchObject({ line: 3, params: { line: 3, column: 16 }, file: join(root, "broken", "package.json") });
  });

  it("engine_mismatch names both the required range and the host version", () => {
    const folder = writePlugin(join(root, "future"), manifest("future", {}, { engines: { cohesion: "^2.0.0" } }));
    const host = createHost({ cwd: root, discover: false, coreVersion: "0.1.5" });
    const info = host.addPlugin(folder);
    expect(info.status).toBe("refused");
    expect(codes(info.problems)).toEqual(["engine_mismatch"]);
    expect(info.problems[0]).toMatchObject({ pointer: "/cohesion/engines/cohesion", params: { plugin: "future", range: "^2.0.0", coreVersion: "0.1.5" } });
    expect(info.problems[0]?.message).toContain("^2.0.0");
    expect(info.problems[0]?.message).toContain("0.1.5");
  });

  it("checks engines against core's own version by default, overridable for tests", () => {
    const folder = writePlugin(join(root, "now"), manifest("now"));
    expect(createHost({ cwd: root, discover: false }).addPlugin(folder).status).toBe("loaded");
    expect(createHost({ cwd: root, discover: false }).coreVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(createHost({ cwd: root, discover: false, coreVersion: "1.0.0" }).addPlugin(folder).status).toBe("refused");
  });

  it("invalid_engine_range for a range that is not semver", () => {
    const folder = writePlugin(join(root, "odd"), manifest("odd", {}, { engines: { cohesion: "whenever" } }));
    expect(codes(createHost({ cwd: root, discover: false }).addPlugin(folder).problems)).toEqual(["invalid_engine_range"]);
  });

  it("empty_engine_range for a range no version satisfies, rather than advice to install a core within it", () => {
    const folder = writePlugin(join(root, "never"), manifest("never", {}, { engines: { cohesion: ">=2.0.0 <1.0.0" } }));
    const [problem, ...rest] = createHost({ cwd: root, discover: false, coreVersion: "0.1.0" }).addPlugin(folder).problems;
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: "empty_engine_range", pointer: "/cohesion/engines/cohesion" });
    expect(problem?.message).toContain('which no version of @cohesion/core satisfies');
    expect(problem?.message).toContain('"^0.1.0"');
    expect(problem?.message).not.toContain("a core version within");
  });

  it("duplicate_plugin when two packages use the same plugin id, including the built-in one", () => {
    const first = writePlugin(join(root, "one"), manifest("twin"));
    const second = writePlugin(join(root, "two"), manifest("twin"));
    const impostor = writePlugin(join(root, "three"), manifest("cohesion"));
    const host = createHost({ cwd: root, discover: false });
    expect(host.addPlugin(first).status).toBe("loaded");
    const info = host.addPlugin(second);
    expect(info.status).toBe("refused");
    expect(info.problems[0]).toMatchObject({ code: "duplicate_plugin", params: { plugin: "twin", firstPath: first, secondPath: second } });
    expect(codes(host.addPlugin(impostor).problems)).toEqual(["duplicate_plugin"]);
    expect(host.plugin("twin")?.path).toBe(first);
  });

  it("lists the built-in plugin with the built-in contributions of the points it was given", () => {
    expect(createHost({ cwd: root, discover: false }).plugin("cohesion")?.contributions).toEqual({});
    const builtin = createHost({ cwd: root, discover: false, points: [modelsFixturePoint] }).plugin("cohesion");
    expect(builtin).toMatchObject({ builtin: true, status: "active" });
    expect(builtin?.contributions).toEqual({ scoringModels: ["cohesion.weighted-mean"] });
    expect(builtin?.documents.scale).toEqual(["cohesion.maturity", "cohesion.yes-partly-no"]);
  });
});

describe("asking about plugins", () => {
  it("finds a refused plugin by id and reports a missing folder once", () => {
    const folder = writePlugin(join(root, "future"), manifest("future", {}, { engines: { cohesion: "^9.0.0" } }));
    const host = createHost({ cwd: root, discover: false });
    host.addPlugin(folder);
    expect(host.plugin("future")?.status).toBe("refused");
    host.addPlugin(join(root, "nowhere"));
    host.addPlugin(join(root, "nowhere"));
    expect(host.report().errors.map((problem) => problem.code)).toEqual(["engine_mismatch", "plugin_not_found"]);
  });
});
