import fc from "fast-check";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchmark, manifest, makeTemp, practice, removeTemp, writePlugin } from "../test/fixtures";
import { createHost, type Host } from "./host";

let root: string;
let host: Host;
beforeAll(() => {
  root = makeTemp();
  const folder = writePlugin(join(root, "acme"), manifest("acme", { benchmarks: ["b1.json", "b2.json"], practices: ["practices.json"] }), {
    "b1.json": benchmark("acme", "1.0.0"),
    "b2.json": benchmark("acme", "1.1.0"),
    "practices.json": [
      practice("acme", "youth-council", { title: "Youth council of Dampoort", summary: "Young residents advise the district on spending.", city: "Ghent" }),
      practice("acme", "language-cafe", {
        title: "Language café",
        summary: "Volunteers and newcomers talk over coffee every week.",
        city: "Malmö",
        country: "SE",
        activities: ["Weekly conversation tables in libraries"],
        keyFactors: ["acme.participation#resources"],
      }),
    ],
  });
  host = createHost({ cwd: root, discover: false });
  host.addPlugin(folder);
});
afterAll(() => removeTemp(root));

describe("host catalog", () => {
  it("finds benchmarks by id and version", () => {
    const catalog = host.catalog();
    expect(catalog.benchmark("acme.participation", "1.0.0")?.version).toBe("1.0.0");
    expect(catalog.benchmark("acme.participation")?.version).toBe("1.1.0");
    expect(catalog.benchmarks()).toHaveLength(2);
  });

  it("lists the practices for a key factor", () => {
    expect(host.catalog().practicesFor("acme.participation#resources").map((p) => p.id)).toEqual(["acme.language-cafe"]);
  });

  it("searches practices by title, summary, city and activities, fuzzily and by prefix", () => {
    const catalog = host.catalog();
    expect(catalog.searchPractices("youth")[0]?.practice.id).toBe("acme.youth-council");
    expect(catalog.searchPractices("Malmo")[0]?.practice.id).toBe("acme.language-cafe");
    expect(catalog.searchPractices("libraries")[0]?.practice.id).toBe("acme.language-cafe");
    expect(catalog.searchPractices("newcom")[0]?.practice.id).toBe("acme.language-cafe");
    expect(catalog.searchPractices("councel")[0]?.practice.id).toBe("acme.youth-council");
    expect(catalog.searchPractices("councel", { fuzzy: false, prefix: false })).toEqual([]);
    expect(catalog.searchPractices("   ")).toEqual([]);
    expect(catalog.searchPractices("residents", { limit: 1 })).toHaveLength(1);
  });

  it("answers a query of any length or shape with a list, never a throw: a term longer than any word is matched exactly", () => {
    const catalog = host.catalog();
    expect(catalog.searchPractices("x".repeat(100_000))).toEqual([]);
    expect(catalog.searchPractices(`youth ${"q".repeat(10_000)}`)[0]?.practice.id).toBe("acme.youth-council");
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: "binary" }), (query) => {
        expect(Array.isArray(catalog.searchPractices(query))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("includes the built-in scales", () => {
    const ids = host.catalog().scales().map((scale) => scale.id);
    expect(ids).toEqual(expect.arrayContaining(["cohesion.maturity", "cohesion.yes-partly-no"]));
    expect(host.catalog().scale("cohesion.maturity")?.levels).toHaveLength(5);
  });

  it("is rebuilt when a plugin is added", () => {
    const before = host.catalog();
    expect(host.catalog()).toBe(before);
    const folder = writePlugin(join(root, "beta"), manifest("beta", { practices: ["p.json"] }), {
      "p.json": practice("beta", "garden", { keyFactors: ["acme.participation#shared-vision"], title: "Community garden" }),
    });
    host.addPlugin(folder);
    expect(host.catalog()).not.toBe(before);
    expect(host.catalog().searchPractices("garden")[0]?.practice.id).toBe("beta.garden");
  });
});
