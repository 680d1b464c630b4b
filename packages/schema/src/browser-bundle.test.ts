import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { bundleForBrowser } from "./test-support";

/** A minified browser bundle of a module written against the package's sources. */
const bundleMinified = (contents: string, compact = false) => bundleForBrowser({ contents, compact, minify: true });

describe("browser bundle", () => {
  it("bundles the main entry for browsers with no Node built-ins, no require and no code generation", async () => {
    const result = await bundleForBrowser();
    expect(result.errors).toEqual([]);
    const output = result.outputFiles[0]?.text ?? "";
    expect(output).not.toMatch(/new Function|\beval\(/);
    expect(output).not.toMatch(/\brequire\(/);
    // ajv's compiler (which generates code) must not be pulled in; only the formats module is.
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((i) => i.includes("node_modules/ajv/"))).toEqual([]);
    expect(inputs.filter((i) => i.startsWith("node:"))).toEqual([]);

    // The bundle runs and validates, as a page would use it.
    const url = `data:text/javascript;base64,${Buffer.from(output).toString("base64")}`;
    const bundled = (await import(/* @vite-ignore */ url)) as typeof import("./index");
    expect(bundled.validate({ kind: "place" }).errors.map((e) => e.code)).toContain("missing_required_field");
    expect(bundled.validate({ kind: "place", schemaVersion: "1.0", id: "x.y", name: "Y", country: "FI", sources: [{ publication: "p", year: 2020, section: "s" }] })).toEqual({ valid: true, errors: [] });
  });

  it("leaves the schema files, ajv and ajv-formats out of a bundle that only validates", async () => {
    const result = await bundleMinified('export { validate, validateAs } from "./src/index.ts";');
    const output = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
    const inputs = Object.keys(output).filter((i) => (output[i]?.bytesInOutput ?? 0) > 0);
    expect(inputs.filter((i) => i.endsWith(".schema.json") || /node_modules\/ajv(-formats)?\//.test(i))).toEqual([]);
    // A generous guard against the schemas or a compiler creeping back in: about 48 KB when written.
    const gzipBytes = gzipSync(result.outputFiles[0]?.contents ?? new Uint8Array()).length;
    expect(gzipBytes).toBeLessThan(100 * 1024);
  });

  it.each([
    ["compiled", false],
    ["compact (browser build)", true],
  ])("leaves the other kinds' validators out of a bundle that quick-checks or validates some kinds (%s validators)", async (_, compact) => {
    const bundle = async (contents: string) => (await bundleMinified(contents, compact)).outputFiles[0]?.text ?? "";
    // Each kind's schema describes its "kind" as 'Always "<kind>"'; the text travels with its validator.
    const kindsIn = (text: string) => [...new Set([...text.matchAll(/Always \\?"([a-z-]+)\\?"/g)].map((m) => m[1]))].sort();
    const one = await bundle('export { quickCheckAssessment } from "./src/index.ts";');
    expect(kindsIn(one)).toEqual(["assessment"]);
    const all = await bundle('export { quickCheck } from "./src/index.ts";');
    expect(kindsIn(all)).toEqual(["assessment", "benchmark", "place", "practice", "scale"]);
    const two = await bundle('export { validateAssessment, validateBenchmark } from "./src/index.ts";');
    expect(kindsIn(two)).toEqual(["assessment", "benchmark"]);
  });

  it("leaves the mapping of unevaluatedProperties errors and the interpreter's rarer steps out of a bundle of kinds that do not use them", async () => {
    // Not minified: the steps keep their names.
    const carried = async (contents: string) => {
      const result = await bundleForBrowser({ contents, compact: true });
      const inputs = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
      return { files: Object.keys(inputs).filter((i) => (inputs[i]?.bytesInOutput ?? 0) > 0), text: result.outputFiles[0]?.text ?? "" };
    };
    const two = await carried('export { validateAssessment, validateBenchmark } from "./src/index.ts";');
    expect(two.files.filter((i) => i.endsWith("unevaluated-errors.ts"))).toEqual([]);
    expect(two.text).not.toContain("it belongs to another variant of this object");
    expect(two.text).not.toMatch(/\bstep(Unevaluated|If|Any|Ref|WalkItems)\b/);
    // Nor the caches and the quick depth walk that pay off over many documents (the browser variants).
    const variants = ["depth", "normal-form", "template-parts", "hidden-depth", "few-problems"];
    const variantFiles = (suffix: string) => two.files.filter((i) => variants.some((v) => i.endsWith(`/src/${v}${suffix}`)));
    expect(variantFiles(".ts")).toEqual([]);
    expect(variantFiles(".browser.ts")).toHaveLength(variants.length);
    // The schemas' formats are date and uri: what other formats look like is for schemas compiled at run time.
    expect(two.text).not.toContain("an e-mail address");
    expect(two.text).toContain("a calendar date written YYYY-MM-DD");
    // The scheme's schema uses unevaluatedProperties and if/then: its validator brings both back.
    const scheme = await carried('export { validateScheme } from "./src/index.ts";');
    expect(scheme.files.some((i) => i.endsWith("unevaluated-errors.ts"))).toBe(true);
    expect(scheme.text).toMatch(/\bstepUnevaluated\b/);
    expect(scheme.text).toMatch(/\bstepIf\b/);
  });
});
