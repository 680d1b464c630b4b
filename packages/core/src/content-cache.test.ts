import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manifest, makeTemp, practice, removeTemp, writePlugin } from "../test/fixtures";
import { createHost } from "./host";

let root: string;
beforeEach(() => {
  root = makeTemp();
});
afterEach(() => removeTemp(root));

const remembered = (cache: string): string[] => (JSON.parse(readFileSync(join(cache, "content-checks.json"), "utf8")) as { clean: string[] }).clean;

describe("the content cache (HostOptions.contentCache)", () => {
  const plugin = (files: Record<string, unknown>) => writePlugin(join(root, "acme"), manifest("acme", { practices: Object.keys(files) }), files);

  it("remembers clean files only, and a second host built from it loads the same documents", () => {
    const folder = plugin({ "good.json": [practice("acme", "one"), practice("acme", "two")], "bad.json": practice("acme", "three", { title: "" }) });
    const cache = join(root, "cache");
    const first = createHost({ cwd: root, discover: false, contentCache: cache });
    const firstInfo = first.addPlugin(folder);
    expect(remembered(cache)).toHaveLength(1);
    const second = createHost({ cwd: root, discover: false, contentCache: cache });
    const secondInfo = second.addPlugin(folder);
    expect(secondInfo.documents).toEqual(firstInfo.documents);
    expect(secondInfo.documents).toEqual({ practice: ["acme.one", "acme.two"] });
    // The file with a problem was not remembered: it is checked, and reported, every time.
    expect(secondInfo.problems.map((problem) => [problem.code, problem.file])).toEqual(firstInfo.problems.map((problem) => [problem.code, problem.file]));
    expect(secondInfo.problems.length).toBeGreaterThan(0);
    expect(remembered(cache)).toHaveLength(1);
  });

  it("checks a remembered file again once its text changes", () => {
    const folder = plugin({ "p.json": practice("acme", "one") });
    const cache = join(root, "cache");
    createHost({ cwd: root, discover: false, contentCache: cache }).addPlugin(folder);
    writeFileSync(join(folder, "p.json"), JSON.stringify(practice("acme", "one", { title: "" })));
    const info = createHost({ cwd: root, discover: false, contentCache: cache }).addPlugin(folder);
    expect(info.documents).toEqual({});
    expect(info.problems.map((problem) => problem.pointer)).toEqual(["/title"]);
  });

  it("still checks ids and duplicates across plugins for remembered files", () => {
    const cache = join(root, "cache");
    const first = writePlugin(join(root, "first"), manifest("first", { practices: ["p.json"] }), { "p.json": practice("first", "shared") });
    const second = writePlugin(join(root, "second"), manifest("second", { practices: ["p.json"] }), { "p.json": practice("first", "shared") });
    createHost({ cwd: root, discover: false, contentCache: cache }).addPlugin(first);
    const host = createHost({ cwd: root, discover: false, contentCache: cache });
    host.addPlugin(first);
    const info = host.addPlugin(second);
    expect(info.problems.map((problem) => problem.code).sort()).toEqual(["duplicate_contribution", "id_not_namespaced"]);
  });

  it("works as without a cache when the cache is corrupt or cannot be written", () => {
    const folder = plugin({ "p.json": practice("acme", "one") });
    const corrupt = join(root, "corrupt");
    writePlugin(corrupt, {}, {});
    writeFileSync(join(corrupt, "content-checks.json"), "{ not json");
    expect(createHost({ cwd: root, discover: false, contentCache: corrupt }).addPlugin(folder).documents).toEqual({ practice: ["acme.one"] });
    expect(remembered(corrupt)).toHaveLength(1);
    // Under a file, no folder can be made (whoever runs the test): the cache is not kept, the host works.
    const underAFile = join(folder, "p.json", "cache");
    expect(createHost({ cwd: root, discover: false, contentCache: underAFile }).addPlugin(folder).documents).toEqual({ practice: ["acme.one"] });
    expect(existsSync(underAFile)).toBe(false);
  });
});
