import type { Benchmark } from "@cohesion/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { didYouMean } from "./integrity/suggest";
import { keyFactorRef, parseFrameworkItemRef, parseKeyFactorRef } from "./refs";
import { compareVersions } from "./semver";
import { fixtures } from "@cohesion/test-support";

const { benchmark } = fixtures;
import { walkGuideQuestions, walkKeyFactors } from "./walk";

describe("key factor references", () => {
  it("build and take apart <benchmarkId>#<keyFactorId>", () => {
    expect(keyFactorRef("eurocities.neighbourhood-participation", "stakeholders")).toBe("eurocities.neighbourhood-participation#stakeholders");
    expect(parseKeyFactorRef("eurocities.neighbourhood-participation#stakeholders")).toEqual({
      benchmarkId: "eurocities.neighbourhood-participation",
      keyFactorId: "stakeholders",
    });
    expect(parseFrameworkItemRef("cohesion-belonging.domains#social")).toEqual({ frameworkId: "cohesion-belonging.domains", itemId: "social" });
  });

  it("refuse what is not a reference", () => {
    for (const bad of [`a.b#${"x".repeat(240)}`, "stakeholders", "eurocities#x", "a.b#", "a.b#C", "a.b#x#y", "", 42 as unknown as string]) {
      expect(parseKeyFactorRef(bad)).toBeUndefined();
    }
  });

  it("round-trip any valid ids", () => {
    // Three parts within the schema's 240 characters for the whole reference.
    const part = fc.stringMatching(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).filter((p) => p.length <= 79);
    fc.assert(
      fc.property(part, part, part, (namespace, name, keyFactor) => {
        const benchmarkId = `${namespace}.${name}`;
        expect(parseKeyFactorRef(keyFactorRef(benchmarkId, keyFactor))).toEqual({ benchmarkId, keyFactorId: keyFactor });
      }),
    );
  });
});

describe("walkGuideQuestions", () => {
  it("visits every question before its sub-questions, with key factor, section, parent, depth and pointer", () => {
    const visits = [...walkGuideQuestions(benchmark as unknown as Benchmark)];
    expect(visits.map((visit) => [visit.question.id, visit.keyFactor.id, visit.section.id, visit.parent?.id, visit.depth, visit.pointer])).toEqual([
      ["q-who", "stakeholders", "engagement", undefined, 0, "/sections/0/keyFactors/0/guideQuestions/0"],
      ["q-who-groups", "stakeholders", "engagement", "q-who", 1, "/sections/0/keyFactors/0/guideQuestions/0/subQuestions/0"],
      ["q-who-reach", "stakeholders", "engagement", "q-who", 1, "/sections/0/keyFactors/0/guideQuestions/0/subQuestions/1"],
      ["q-budget", "resources", "engagement", undefined, 0, "/sections/0/keyFactors/1/guideQuestions/0"],
      ["q-evaluate", "evaluation", "follow-up", undefined, 0, "/sections/1/keyFactors/0/guideQuestions/0"],
    ]);
  });

  it("walks key factors in order", () => {
    expect([...walkKeyFactors(benchmark as unknown as Benchmark)].map((visit) => visit.keyFactor.id)).toEqual(["stakeholders", "resources", "evaluation"]);
  });

  it("yields nothing for a malformed benchmark instead of throwing", () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(() => [...walkGuideQuestions(value as Benchmark)]).not.toThrow();
        expect(() => [...walkKeyFactors(value as Benchmark)]).not.toThrow();
      }),
    );
  });
});

describe("compareVersions", () => {
  it("orders versions numerically", () => {
    expect(["1.10.0", "1.9.0", "1.0.0", "0.9.12", "10.0.0", "1.9.1"].sort(compareVersions)).toEqual([
      "0.9.12",
      "1.0.0",
      "1.9.0",
      "1.9.1",
      "1.10.0",
      "10.0.0",
    ]);
    expect(compareVersions("2.0.0", "2.0.0")).toBe(0);
    expect(compareVersions("99999999999999999999.0.0", "99999999999999999998.0.0")).toBeGreaterThan(0);
  });

  it("is a consistent order on any strings", () => {
    const version = fc.oneof(fc.tuple(fc.nat(), fc.nat(), fc.nat()).map((parts) => parts.join(".")), fc.string());
    fc.assert(
      fc.property(version, version, (a, b) => {
        expect(Math.sign(compareVersions(a, b)) + Math.sign(compareVersions(b, a))).toBe(0);
        if (compareVersions(a, b) === 0) expect(a).toBe(b);
      }),
    );
  });
});

describe("did you mean", () => {
  it("suggests only a close candidate", () => {
    expect(didYouMean("stakeholder", ["stakeholders", "resources"])).toBe("stakeholders");
    expect(didYouMean("budget", ["stakeholders", "resources"])).toBeUndefined();
    expect(didYouMean("x", [])).toBeUndefined();
  });
});
