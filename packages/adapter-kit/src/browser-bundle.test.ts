import { fileURLToPath } from "node:url";
import { bundleForBrowser } from "@cohesion/test-support/browser-bundle";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));

// Each adapter that says it runs in a browser must bundle for one: no Node built-ins, nothing left to require.
describe("adapters in a browser bundle", () => {
  it.each([
    ["@cohesion/adapter-kit", 'export * from "@cohesion/adapter-kit";'],
    ["@cohesion/adapter-report", 'export { htmlReportAdapter, markdownReportAdapter } from "@cohesion/adapter-report";'],
    ["@cohesion/adapter-xlsx", 'export { xlsxAdapter, xlsxDocumentAdapter } from "@cohesion/adapter-xlsx";'],
    ["@cohesion/adapter-xlsform", 'export { xlsformAdapter } from "@cohesion/adapter-xlsform";'],
    ["@cohesion/adapter-datapackage", 'export { dataPackageAdapter } from "@cohesion/adapter-datapackage";'],
  ])("%s bundles for browsers without Node built-ins", async (_name, contents) => {
    const result = await bundleForBrowser({ contents, resolveDir: root, loader: "js" });
    expect(result.errors).toEqual([]);
    expect(Object.keys(result.metafile.inputs).filter((input) => input.startsWith("node:"))).toEqual([]);
    expect(result.outputFiles[0]?.text ?? "").not.toMatch(/\brequire\(["']node:/);
  });
});
