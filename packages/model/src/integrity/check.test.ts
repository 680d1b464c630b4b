import type { CohesionDocument } from "@cohesion/schema";
import { describe, expect, it } from "vitest";
import { BUILTIN_SCALES, MATURITY_SCALE } from "../builtin/scales";
import { fixtures, VALID_DOCUMENTS } from "@cohesion/test-support";
import { checkIntegrity } from "./check";
import { INTEGRITY_CODES } from "./problems";

const clone = <T>(value: T): T => structuredClone(value);
const all = (): CohesionDocument[] => Object.values(clone(VALID_DOCUMENTS)) as unknown as CohesionDocument[];
const check = (documents: readonly unknown[]) => checkIntegrity(documents as CohesionDocument[]);

function only(documents: readonly unknown[], code: string) {
  const report = check(documents);
  const found = report.errors.filter((problem) => problem.code === code);
  return { report, found };
}

describe("checkIntegrity", () => {
  it("finds nothing wrong in a consistent set of documents", () => {
    expect(check(all())).toEqual({ valid: true, errors: [] });
  });

  it("accepts the built-in scales passed in as documents", () => {
    expect(check([...all(), ...BUILTIN_SCALES]).errors).toEqual([]);
  });

  describe("context documents", () => {
    it("resolves references into the context, reports nothing in it, and a clash with it in the checked document", () => {
      const documents = all();
      const assessment = documents.find((d) => d.kind === "assessment") as CohesionDocument;
      const rest = documents.filter((d) => d !== assessment);
      // The assessment's benchmark, scale and place are only in the context: nothing is unresolved.
      expect(checkIntegrity([assessment], { context: rest })).toEqual({ valid: true, errors: [] });
      // A broken context document says nothing: it is not checked.
      const brokenPractice = { ...clone(fixtures.practice), id: "test.broken", placeRef: "test.nowhere" } as unknown as CohesionDocument;
      expect(checkIntegrity([brokenPractice], { context: rest }).errors.map((p) => p.code)).toContain("unresolved_reference");
      expect(checkIntegrity([assessment], { context: [...rest, brokenPractice] }).errors).toEqual([]);
      // The checked place repeats a context place's id: the problem is the checked one's.
      const place = clone(fixtures.place);
      const found = checkIntegrity([place as unknown as CohesionDocument], { context: rest }).errors.filter((p) => p.code === "duplicate_id");
      const contextIndex = rest.findIndex((d) => d.kind === "place" && d.id === place.id);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ pointer: "/id", params: { documentId: place.id, documentIndex: 0, firstIndex: null, first: `in context document #${contextIndex}` } });
    });
  });

  describe("duplicate_id", () => {
    it("reports two documents of a kind with one id, naming where the first is", () => {
      const { report, found } = only([...all(), clone(fixtures.place)], "duplicate_id");
      expect(report.valid).toBe(false);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({
        pointer: "/id",
        params: { documentId: "test.aarhus", documentKind: "place", documentIndex: 12, firstIndex: 4 },
      });
      expect(found[0]?.message).toContain("document #4");
    });

    it("lets versions of one benchmark share an id but not a version", () => {
      expect(only([...all()], "duplicate_id").found).toEqual([]);
      const { found } = only([...all(), clone(fixtures.benchmarkV2)], "duplicate_id");
      expect(found.map((problem) => problem.params["id"])).toEqual(["test.participation@1.10.0"]);
    });

    it("reports a scale that takes a built-in id with other content", () => {
      const { found } = only([{ ...clone(fixtures.scale), id: MATURITY_SCALE.id }], "duplicate_id");
      expect(found).toHaveLength(1);
      expect(found[0]?.message).toContain("built-in");
    });

    it("reports repeated local ids inside a benchmark at the repeat", () => {
      const benchmark = clone(fixtures.benchmark) as any;
      benchmark.sections[1].id = "engagement";
      benchmark.sections[1].keyFactors[0].id = "stakeholders";
      benchmark.sections[1].keyFactors[0].guideQuestions[0].id = "q-who-reach";
      benchmark.contextFactors[1].id = "funding";
      const { found } = only([benchmark], "duplicate_id");
      expect(found.map((problem) => [problem.params["what"], problem.pointer, problem.params["firstPointer"]])).toEqual([
        ["section", "/sections/1/id", "/sections/0/id"],
        ["key factor", "/sections/1/keyFactors/0/id", "/sections/0/keyFactors/0/id"],
        ["guide question", "/sections/1/keyFactors/0/guideQuestions/0/id", "/sections/0/keyFactors/0/guideQuestions/0/subQuestions/1/id"],
        ["context factor", "/contextFactors/1/id", "/contextFactors/0/id"],
      ]);
    });

    it("reports repeated levels of a scale and nested items of a framework", () => {
      const scale = clone(fixtures.scale) as any;
      scale.levels[2].id = "low";
      const framework = clone(fixtures.framework) as any;
      framework.items[1].items[0].id = "structural";
      const { found } = only([scale, framework], "duplicate_id");
      expect(found.map((problem) => [problem.params["what"], problem.pointer])).toEqual([
        ["level", "/levels/2/id"],
        ["framework item", "/items/1/items/0/id"],
      ]);
    });
  });

  describe("unresolved_reference", () => {
    it("reports a practice's key factor that its benchmark lacks, suggesting the near one", () => {
      const practice = { ...clone(fixtures.practice), keyFactors: ["test.participation#stakeholder"] };
      const { found } = only([...all().filter((doc) => doc.kind !== "practice"), practice], "unresolved_reference");
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({
        pointer: "/keyFactors/0",
        params: { documentKind: "practice", refKind: "key factor", suggestion: "test.participation#stakeholders" },
      });
      expect(found[0]?.message).toContain('Did you mean "test.participation#stakeholders"?');
    });

    it("reports a key factor reference to a benchmark that is not there", () => {
      const practice = { ...clone(fixtures.practice), keyFactors: ["test.participaton#stakeholders"] };
      const { found } = only([fixtures.benchmark, fixtures.framework, fixtures.place, practice], "unresolved_reference");
      expect(found[0]).toMatchObject({ pointer: "/keyFactors/0", params: { refKind: "benchmark", ref: "test.participaton" } });
    });

    it("reports framework items, places, practices, scales and themes that do not resolve", () => {
      const benchmark = { ...clone(fixtures.benchmark), defaultScale: "test.missing", themeRef: "test.domains#nothing" };
      const practice = { ...clone(fixtures.practice), domains: ["test.domains#bridge"], placeRef: "test.arhus" };
      const scheme = { ...clone(fixtures.participationScheme), practiceRefs: ["test.gone"] };
      const { found } = only([fixtures.framework, fixtures.place, benchmark, practice, scheme], "unresolved_reference");
      expect(found.map((problem) => [problem.params["documentKind"], problem.pointer, problem.params["refKind"]])).toEqual([
        ["benchmark", "/themeRef", "framework item"],
        ["benchmark", "/defaultScale", "scale"],
        ["practice", "/placeRef", "place"],
        ["practice", "/domains/0", "framework item"],
        ["scheme", "/participationLevel/scale", "scale"],
        ["scheme", "/practiceRefs/0", "practice"],
      ]);
      expect(found[2]?.params["suggestion"]).toBe("test.aarhus");
    });

    it("reports practices a benchmark cites that are not there", () => {
      const { found } = only([fixtures.framework, fixtures.benchmark], "unresolved_reference");
      expect(found.map((problem) => problem.pointer)).toEqual([
        "/sections/0/keyFactors/0/practiceRefs/0",
        "/sections/1/keyFactors/0/recommendedActions/0/practiceRefs/0",
      ]);
    });

    it("counts built-in scales as present", () => {
      const report = check([{ ...clone(fixtures.benchmark), defaultScale: "cohesion.yes-partly-no" }, fixtures.framework, fixtures.practice, fixtures.place]);
      expect(report.errors).toEqual([]);
    });

    it("reports an assessment whose benchmark or subject is missing", () => {
      const assessment = { ...clone(fixtures.assessment), subject: { type: "scheme", ref: "test.aarhus", name: "Aarhus" } };
      const { found } = only([assessment, fixtures.place], "unresolved_reference");
      expect(found.map((problem) => [problem.pointer, problem.params["refKind"]])).toEqual([
        ["/benchmark/id", "benchmark"],
        ["/subject/ref", "scheme"],
      ]);
    });
  });

  it("resolves a scheme's benchmark, with or without a version, and the levels of its participation scale", () => {
    const scheme = { ...clone(fixtures.participationScheme), benchmark: { id: "test.participation", version: "0.9.0" } };
    const { report, found } = only([...all().filter((doc) => (doc as { id?: string }).id !== scheme.id), scheme], "benchmark_version_not_found");
    expect(found.map((problem) => [problem.params["documentKind"], problem.pointer])).toEqual([["scheme", "/benchmark/version"]]);
    expect(report.errors).toHaveLength(1);
  });

  it("reports a framework's benchmark refs and a scale's level groups that do not resolve", () => {
    const framework = clone(fixtures.framework) as any;
    framework.items[2].benchmarkRefs = ["test.participaton"];
    const scale = clone(fixtures.scale) as any;
    scale.levels[0].group = "botom";
    const { found } = only([framework, scale], "unresolved_reference");
    expect(found.map((problem) => [problem.pointer, problem.params["refKind"], problem.params["suggestion"]])).toEqual([
      ["/items/2/benchmarkRefs/0", "benchmark", undefined],
      ["/levels/0/group", "level group", "bottom"],
    ]);
  });

  it("benchmark_version_not_found: names the versions there are", () => {
    const assessment = { ...clone(fixtures.assessment), benchmark: { id: "test.participation", version: "2.0.0" } };
    const { found } = only([...all().filter((doc) => doc.kind !== "assessment"), assessment], "benchmark_version_not_found");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      pointer: "/benchmark/version",
      params: { documentKind: "assessment", availableVersions: ["1.0.0", "1.10.0"], suggestion: "1.10.0" },
    });
    expect(found[0]?.message).toContain("1.0.0, 1.10.0");
  });

  it("unknown_guide_question: an answer to a question the benchmark version lacks", () => {
    const assessment = clone(fixtures.assessment) as any;
    assessment.answers["q-exchange"] = { level: "full" };
    assessment.answers["q-budgett"] = { level: "full" };
    const { found } = only([...all().filter((doc) => doc.kind !== "assessment"), assessment], "unknown_guide_question");
    // q-exchange exists only in version 1.10.0; the assessment answers 1.0.0.
    expect(found.map((problem) => [problem.pointer, problem.params["suggestion"]])).toEqual([
      ["/answers/q-exchange", undefined],
      ["/answers/q-budgett", "q-budget"],
    ]);
    expect(found[1]?.message).toContain('benchmark "test.participation" 1.0.0 has no such guide question');
  });

  it("unknown_level: a level the scale does not have; n/a is always allowed", () => {
    const assessment = clone(fixtures.assessment) as any;
    assessment.answers["q-budget"] = { level: "ful" };
    assessment.answers["q-evaluate"] = { level: "n/a" };
    const scheme = { ...clone(fixtures.participationScheme), participationLevel: { scale: "test.ladder", level: "top" } };
    const { found } = only([...all().filter((doc) => doc.kind !== "assessment" && (doc as { id?: string }).id !== scheme.id), assessment, scheme], "unknown_level");
    expect(found.map((problem) => [problem.params["documentKind"], problem.pointer, problem.params["suggestion"]])).toEqual([
      ["assessment", "/answers/q-budget/level", "full"],
      ["scheme", "/participationLevel/level", undefined],
    ]);
    expect(found[0]?.params["scaleId"]).toBe("cohesion.maturity");
  });

  it("unknown_level: uses the assessment's own scale over the benchmark's default", () => {
    const assessment = { ...clone(fixtures.assessment), scale: "cohesion.yes-partly-no" };
    const { found } = only([...all().filter((doc) => doc.kind !== "assessment"), assessment], "unknown_level");
    expect(found.map((problem) => problem.params["level"])).toEqual(["partial", "full"]);
  });

  it("unknown_context_factor and unknown_key_factor: marks and targets for what the benchmark lacks", () => {
    const assessment = clone(fixtures.assessment) as any;
    assessment.contextFactors.fundng = { influence: "constraining" };
    assessment.targets.keyFactors["exchange"] = 50;
    const documents = [...all().filter((doc) => doc.kind !== "assessment"), assessment];
    expect(only(documents, "unknown_context_factor").found.map((p) => [p.pointer, p.params["suggestion"]])).toEqual([
      ["/contextFactors/fundng", "funding"],
    ]);
    expect(only(documents, "unknown_key_factor").found.map((p) => p.pointer)).toEqual(["/targets/keyFactors/exchange"]);
  });

  it("practice_unlinked: a practice with neither key factors nor domains", () => {
    const { keyFactors: _k, domains: _d, ...practice } = clone(fixtures.practice);
    const { found } = only([practice, fixtures.place], "practice_unlinked");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ pointer: "", params: { documentId: "test.market-hall", documentKind: "practice" } });
  });

  it("scale_not_increasing: each level not above the one before", () => {
    const scale = clone(fixtures.scale) as any;
    scale.levels[1].value = 1;
    scale.levels[2].value = 0.5;
    const { found } = only([scale], "scale_not_increasing");
    expect(found.map((problem) => [problem.pointer, problem.params["previousValue"]])).toEqual([
      ["/levels/1/value", 1],
      ["/levels/2/value", 1],
    ]);
  });

  it("escapes pointer segments of answer keys (RFC 6901)", () => {
    const assessment = clone(fixtures.assessment) as any;
    assessment.answers["a/b~c"] = {};
    const { found } = only([...all().filter((doc) => doc.kind !== "assessment"), assessment], "unknown_guide_question");
    expect(found[0]?.pointer).toBe("/answers/a~1b~0c");
  });

  it("comes back from cyclic documents and nested sub-questions that loop", () => {
    const benchmark = clone(fixtures.benchmark) as any;
    const question = benchmark.sections[0].keyFactors[0].guideQuestions[0];
    question.subQuestions.push(question);
    const framework = clone(fixtures.framework) as any;
    framework.items[1].items.push(framework.items[1]);
    const practice = clone(fixtures.practice) as any;
    practice.self = practice;
    practice.keyFactors = ["test.participation#nothing"];
    const report = check([benchmark, framework, practice, fixtures.place]);
    expect(report.valid).toBe(false);
    expect(report.errors.some((problem) => problem.code === "unresolved_reference" && problem.params["documentId"] === "test.market-hall")).toBe(true);
  });

  it("every problem names its document and uses a listed code", () => {
    const broken = all().map((document) => ({ ...document, id: "test.x" }) as unknown);
    const report = check([...broken, { kind: "practice", id: "test.y" }, null, 42, "text"]);
    expect(report.errors.length).toBeGreaterThan(0);
    for (const problem of report.errors) {
      expect(INTEGRITY_CODES).toContain(problem.code);
      expect(typeof problem.params["documentKind"]).toBe("string");
      expect(typeof problem.params["documentIndex"]).toBe("number");
      expect(problem.message).not.toMatch(/\{\w+\}/);
    }
  });
});
