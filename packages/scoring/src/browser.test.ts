import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

describe("runs in browsers", () => {
  it("bundles for the browser with no Node built-in anywhere in its dependency graph", async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL("./index.ts", import.meta.url))],
      bundle: true,
      write: false,
      platform: "browser",
      format: "esm",
      conditions: ["source"],
      logLevel: "silent",
      metafile: true,
    });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((path) => path.startsWith("node:") || /^(fs|path|url|crypto|child_process)$/.test(path))).toEqual([]);
    expect(inputs.some((path) => path.includes("scoring/src/engine/score.ts"))).toBe(true);
  });
});
