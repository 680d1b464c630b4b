import { mkdirSync, symlinkSync } from "node:fs";
import { delimiter, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manifest, makeTemp, removeTemp, writeFile, writePlugin } from "../test/fixtures";
import { discoverPluginFolders, splitPluginPath } from "./discovery";
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

describe("discovery beyond the working folder", () => {
  it("finds a plugin installed globally beside a globally installed command, from any working folder", () => {
    // npm i -g lays packages out as <prefix>/lib/node_modules/<name>, each with its own dependencies nested.
    const globalModules = join(root, "prefix", "lib", "node_modules");
    const cliFolder = join(globalModules, "@cohesion", "cli");
    const coreInsideCli = join(cliFolder, "node_modules", "@cohesion", "core", "dist");
    mkdirSync(coreInsideCli, { recursive: true });
    writePlugin(join(globalModules, "@acme", "cohesion-plugin"), manifest("acme"));
    const elsewhere = join(root, "empty");
    mkdirSync(elsewhere);

    const host = createHost({ cwd: elsewhere, installRoots: [coreInsideCli], pluginPath: [] });

    expect(host.plugin("acme")?.status).toBe("loaded");
    expect(createHost({ cwd: elsewhere, installRoots: [], pluginPath: [] }).plugin("acme")).toBeUndefined();
  });

  it("loads each folder of the plugin path: a plugin, a folder of plugins, or one with node_modules", () => {
    writePlugin(join(root, "one"), manifest("one"));
    writePlugin(join(root, "many", "two"), manifest("two"));
    writePlugin(join(root, "project", "node_modules", "@x", "three"), manifest("three"));

    const host = createHost({ cwd: join(root), installRoots: [], pluginPath: ["one", join(root, "many"), join(root, "project")] });

    expect(["one", "two", "three"].map((id) => host.plugin(id)?.status)).toEqual(["loaded", "loaded", "loaded"]);
  });

  it("reads COHESION_PLUGIN_PATH by default and refuses an entry that is not a folder, naming it", () => {
    writePlugin(join(root, "one"), manifest("one"));
    const missing = join(root, "nowhere");
    const previous = process.env["COHESION_PLUGIN_PATH"];
    process.env["COHESION_PLUGIN_PATH"] = [join(root, "one"), missing].join(delimiter);
    try {
      const host = createHost({ cwd: root, installRoots: [] });
      expect(host.plugin("one")?.status).toBe("loaded");
      const refused = host.listPlugins().find((plugin) => plugin.path === missing);
      expect(refused?.status).toBe("refused");
      expect(refused?.problems.map((problem) => problem.code)).toEqual(["plugin_path_not_found"]);
      expect(refused?.problems[0]?.message).toContain(missing);
    } finally {
      if (previous === undefined) delete process.env["COHESION_PLUGIN_PATH"];
      else process.env["COHESION_PLUGIN_PATH"] = previous;
    }
  });

  it("splits a plugin path on the platform's delimiter and drops empty entries", () => {
    expect(splitPluginPath(["/a", "", " /b "].join(delimiter))).toEqual(["/a", "/b"]);
    expect(splitPluginPath(undefined)).toEqual([]);
  });
});
