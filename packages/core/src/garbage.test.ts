import { join } from "node:path";
import { expectWellFormed } from "@cohesion/test-support";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adaptersFixturePoint, manifest, makeTemp, modelsFixturePoint, removeTemp, writePlugin } from "../test/fixtures";
import { createHost } from "./host";

let root: string;
let counter = 0;
beforeAll(() => {
  root = makeTemp();
});
afterAll(() => removeTemp(root));

// Manifests that are nearly right, so the generator reaches past the first schema check too.
const nearManifest = fc.record({
  kind: fc.constantFrom("plugin-manifest", "practice", 7),
  schemaVersion: fc.constantFrom("1.0", "2.0"),
  id: fc.constantFrom("acme", "Acme!", ""),
  manifestVersion: fc.constantFrom(1, 2),
  engines: fc.oneof(fc.record({ cohesion: fc.constantFrom("^0.1.0", ">=9", "nonsense", "") }), fc.jsonValue()),
  main: fc.constantFrom("./main.js", "../x.js", "/abs.js"),
  contributes: fc.dictionary(fc.constantFrom("practices", "benchmarks", "scoringModels", "adapters", "schemaExtensions", "odd"), fc.jsonValue()),
});

describe("garbage plugins never make the host throw", () => {
  it("any JSON under the cohesion key gives a well-formed report", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), nearManifest), (cohesion) => {
        const folder = writePlugin(join(root, `p${counter++}`), cohesion);
        const host = createHost({ cwd: root, discover: false });
        const info = host.addPlugin(folder);
        expect(["refused", "loaded"]).toContain(info.status);
        expectWellFormed(host.report());
      }),
      { numRuns: 150 },
    );
  });

  it("any JSON as a content file or schema patch gives a well-formed report", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (content, patch) => {
        const folder = writePlugin(
          join(root, `c${counter++}`),
          manifest("acme", { practices: ["content.json"], benchmarks: ["content.json"], schemaExtensions: [{ kind: "practice", patch: "patch.json" }] }),
          { "content.json": JSON.stringify(content), "patch.json": JSON.stringify(patch) },
        );
        const host = createHost({ cwd: root, discover: false });
        host.addPlugin(folder);
        expectWellFormed(host.report());
        expect(() => host.catalog().searchPractices("anything")).not.toThrow();
      }),
      { numRuns: 100 },
    );
  });
});

describe("garbage registrations never make activation fail", () => {
  const holder = globalThis as { __coreGarbage?: unknown[] };

  it("anything passed to register is refused with a problem or accepted", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.anything(), fc.record({ id: fc.constantFrom("acme.model", "acme.csv", "other.x"), score: fc.constant(() => null) })), { maxLength: 5 }), async (values) => {
        holder.__coreGarbage = values;
        const folder = writePlugin(
          join(root, `g${counter++}`),
          manifest("acme", { scoringModels: [{ id: "acme.model", title: "M" }], adapters: [{ id: "acme.csv", title: "CSV", format: "csv", direction: "export" }] }, { main: "main.js" }),
          {
            "main.js":
              "export function activate(context) { for (const value of globalThis.__coreGarbage) { context.register('scoringModels', value).dispose(); context.register('adapters', value); context.register(value, value); } }",
          },
        );
        const host = createHost({ cwd: root, discover: false, points: [modelsFixturePoint, adaptersFixturePoint] });
        host.addPlugin(folder);
        await host.contribution(modelsFixturePoint, "acme.model");
        expect(host.plugin("acme")?.status).toBe("active");
        const codes = new Set(host.report().errors.map((problem) => problem.code));
        for (const code of codes) expect(["invalid_contribution", "undeclared_contribution", "already_registered", "contribution_not_registered", "unknown_extension_point"]).toContain(code);
        expectWellFormed(host.report());
        await host.dispose();
      }),
      { numRuns: 30 },
    );
  });
});
