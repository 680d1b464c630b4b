import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createHost } from "./host";

// The repository root: its node_modules links the workspace packages, content plugins among them.
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const CONTENT_PLUGINS = ["eurocities", "inclucities", "oecd", "cohesion-belonging"];

describe("the content plugins of this repository", () => {
  const host = createHost({ cwd: repoRoot });

  it.each(CONTENT_PLUGINS)("%s is discovered and loads without problems", (id) => {
    const info = host.plugin(id);
    expect(info?.status).toBe("loaded");
    expect(info?.problems).toEqual([]);
  });

  it("together pass the cross-document checks", () => {
    expect(host.report().errors).toEqual([]);
  });

  it.each(CONTENT_PLUGINS)("%s loads every document its manifest lists", (id) => {
    const info = host.plugin(id);
    const manifestFile = join(info?.path ?? "", "package.json");
    const contributes = (JSON.parse(readFileSync(manifestFile, "utf8")) as { cohesion: { contributes: Record<string, string[]> } }).cohesion.contributes;
    const listed = Object.values(contributes)
      .flat()
      .map((path) => JSON.parse(readFileSync(join(info?.path ?? "", path), "utf8")) as unknown)
      .reduce<number>((count, content) => count + (Array.isArray(content) ? content.length : 1), 0);
    const loaded = Object.values(info?.documents ?? {}).reduce((count, ids) => count + ids.length, 0);
    expect(loaded).toBe(listed);
  });

  it("their content is loaded without importing any code", () => {
    const loaded = host.listPlugins().filter((plugin) => CONTENT_PLUGINS.includes(plugin.id));
    expect(loaded).toHaveLength(CONTENT_PLUGINS.length);
    for (const plugin of loaded) expect(plugin.contributions).toEqual({});
    expect(host.documents().length).toBeGreaterThan(0);
  });
});
