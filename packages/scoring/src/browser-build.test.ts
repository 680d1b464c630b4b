import { fileURLToPath } from "node:url";
import { YES_PARTLY_NO_SCALE } from "@cohesion/model";
import { bundleForBrowser } from "@cohesion/test-support/browser-bundle";
import type { PluginBuild } from "esbuild";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { browserVariants } from "../../../tsup.config.base";
import { answeredArb, assessmentFor } from "../test/arbitraries";
import { ANSWERS, assessment, benchmark } from "../test/fixtures";
import * as node from "./index";

// dist/browser.js is src/index.ts with the browser variants of some modules swapped in (src/**/*.browser.ts,
// by the plugin tsup uses). These tests bundle the sources the same way and hold the two builds to the
// same results on every input.

const packageRoot = fileURLToPath(new URL("..", import.meta.url));

const bundle = (contents: string) => bundleForBrowser({ contents, resolveDir: packageRoot }, { plugins: [browserVariants] });

let browser: typeof node;

beforeAll(async () => {
  const output = (await bundle('export * from "./src/index.ts";')).outputFiles[0]?.text ?? "";
  browser = (await import(/* @vite-ignore */ `data:text/javascript;base64,${Buffer.from(output).toString("base64")}`)) as typeof node;
});

const optionsArb = fc.record(
  {
    model: fc.constantFrom("cohesion.weighted-mean", "cohesion.threshold", "cohesion.equal-average", "acme.none"),
    parameters: fc.oneof(fc.record({ coverageThreshold: fc.constantFrom(0, 0.5, 1, 2) }), fc.anything()),
    explain: fc.boolean(),
    detail: fc.constantFrom("questions", "key-factors"),
    scale: fc.oneof(fc.constant(YES_PARTLY_NO_SCALE), fc.anything()),
  },
  { requiredKeys: [] },
);

// A valid assessment of a generated benchmark with one field perhaps replaced by anything.
const nearAssessmentArb = answeredArb.chain(([b, levels]) =>
  fc
    .tuple(fc.constantFrom("schemaVersion", "benchmark", "subject", "scale", "assessedOn", "answers", "illustrative", "extra"), fc.option(fc.anything(), { nil: undefined }))
    .map(([field, value]) => ({ benchmark: b, assessment: value === undefined ? assessmentFor(b, levels) : { ...assessmentFor(b, levels), [field]: value } })),
);

describe("the browser build of scoreAssessment", () => {
  it("leaves the quick path of a scorer out of a bundle that only scores", async () => {
    const result = await bundle('export { scoreAssessment } from "./src/index.ts";');
    const inputs = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
    const carried = Object.keys(inputs).filter((input) => (inputs[input]?.bytesInOutput ?? 0) > 0);
    expect(carried.filter((input) => /engine\/(scorer|quick-path)\.ts$/.test(input))).toEqual([]);
    expect(carried.some((input) => input.endsWith("engine/quick-path.browser.ts"))).toBe(true);
    // No question node is shared between reports, nothing is kept for the next assessment, and traces
    // are written with their nodes: the machinery of bulk scoring stays out.
    expect(carried.filter((input) => /engine\/(shared-nodes|bulk)\.ts$/.test(input))).toEqual([]);
    expect(carried.filter((input) => input.endsWith("engine/lazy-trace.ts"))).toEqual([]);
    expect(carried.some((input) => input.endsWith("engine/lazy-trace.browser.ts"))).toBe(true);
  });

  it("leaves the insights out of a page that only scores, also when the page bundles the one built file", async () => {
    // dist/browser.js is a single module: a statement a bundler cannot prove free of side effects stays
    // in every page that imports it, so module-level values are marked pure.
    const single = (await bundle('export * from "./src/index.ts";')).outputFiles[0]?.text ?? "";
    const singleFile = {
      name: "single-file",
      setup(builder: PluginBuild) {
        builder.onResolve({ filter: /^single$/ }, () => ({ path: "single", namespace: "single" }));
        builder.onLoad({ filter: /.*/, namespace: "single" }, () => ({ contents: single, loader: "js" as const }));
      },
    };
    const page = await bundleForBrowser({ contents: 'export { scoreAssessment } from "single";', resolveDir: packageRoot, loader: "js" }, { plugins: [singleFile] });
    const text = page.outputFiles[0]?.text ?? "";
    expect(text).toContain("scoreAssessment");
    expect(text).not.toContain("Population not known");
    expect(text).not.toContain("Uint32Array");
  });

  it("writes the same traces as the Node build, read as objects and as JSON", () => {
    const a = assessment(ANSWERS);
    for (const model of ["cohesion.weighted-mean", "cohesion.threshold", "cohesion.equal-average"]) {
      const fromBrowser = browser.scoreAssessment(a, benchmark, { model, explain: true });
      const fromNode = node.scoreAssessment(a, benchmark, { model, explain: true });
      expect(fromBrowser.ok && fromBrowser.report.overall.children?.[0]?.trace).toBeTruthy();
      expect(fromBrowser).toEqual(fromNode);
      expect(JSON.stringify(fromBrowser)).toBe(JSON.stringify(fromNode));
    }
  });

  it("scores the fixture as the Node build does", () => {
    const a = assessment(ANSWERS);
    expect(JSON.stringify(browser.scoreAssessment(a, benchmark))).toBe(JSON.stringify(node.scoreAssessment(a, benchmark)));
  });

  it("gives the same report or the same problems as the Node build, on valid, nearly valid and garbage input", () => {
    fc.assert(
      fc.property(fc.oneof(nearAssessmentArb, fc.record({ benchmark: fc.oneof(fc.constant(benchmark), fc.anything()), assessment: fc.anything() })), optionsArb, ({ benchmark: b, assessment: a }, options) => {
        // Garbage options too: they are read as the caller's unknown input.
        const given = options as node.ScoreOptions;
        expect(JSON.stringify(browser.scoreAssessment(a, b, given))).toBe(JSON.stringify(node.scoreAssessment(a, b, given)));
      }),
      { numRuns: 300 },
    );
  });
});
