import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manifest, makeTemp, removeTemp, writeFile, writePlugin } from "../test/fixtures";
import { discoverPluginFolders } from "./discovery";
import { createHost } from "./host";

let root: string;
beforeEach(() => {
  root = makeTemp();
});
afterEach(() => removeTemp(root));

describe("discoverPluginFolders", () => {
  it("finds plugins in node_modules from cwd upwards, scoped ones included, and in search paths", () => {
    const app = join(root, "app");
    const cwd = join(app, "src", "deep");
    mkdirSync(cwd, { recursive: true });
    writePlugin(join(app, "node_modules", "plain-plugin"), manifest("plain"));
    writePlugin(join(app, "node_modules", "@acme", "scoped-plugin"), manifest("scoped"));
    writePlugin(join(root, "node_modules", "outer-plugin"), manifest("outer"));
    writeFile(join(app, "node_modules", "not-a-plugin", "package.json"), { name: "not-a-plugin", version: "1.0.0" });
    writeFile(join(app, "node_modules", "broken", "package.json"), "{ not json");
    writePlugin(join(root, "extra", "extra-plugin"), manifest("extra"));

    const found = discoverPluginFolders(cwd, [join(root, "extra")]);

    expect(found).toEqual([
      join(app, "node_modules", "@acme", "scoped-plugin"),
      join(app, "node_modules", "plain-plugin"),
      join(root, "node_modules", "outer-plugin"),
      join(root, "extra", "extra-plugin"),
    ]);
  });

  it("answers an empty list for a folder without node_modules", () => {
    expect(discoverPluginFolders(root)).toEqual([]);
  });
});

describe("createHost discovery", () => {
  it("loads discovered plugins once, even when also reached through a symlink or added explicitly", () => {
    const real = writePlugin(join(root, "plugins", "acme"), manifest("acme"));
    mkdirSync(join(root, "node_modules"), { recursive: true });
    symlinkSync(real, join(root, "node_modules", "acme-link"), "dir");
    mkdirSync(join(root, "node_modules", "@scope"), { recursive: true });
    symlinkSync(real, join(root, "node_modules", "@scope", "acme"), "dir");

    const host = createHost({ cwd: root, searchPaths: [join(root, "plugins")] });
    host.addPlugin(join(root, "node_modules", "acme-link"));
    host.addPlugin(join(real, "package.json"));

    const acme = host.listPlugins().filter((plugin) => plugin.id === "acme");
    expect(acme).toHaveLength(1);
    expect(acme[0]?.status).toBe("loaded");
    expect(host.report().errors).toEqual([]);
  });

  it("does not look for installed plugins when discover is false", () => {
    writePlugin(join(root, "node_modules", "acme"), manifest("acme"));
    const host = createHost({ cwd: root, discover: false });
    expect(host.listPlugins().map((plugin) => plugin.id)).toEqual(["cohesion"]);
  });
});
