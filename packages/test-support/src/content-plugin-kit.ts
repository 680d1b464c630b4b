/**
 * The shared test kit of this repository's content plugins (packages/plugin-*): each plugin's tests load
 * its content through @cohesion/core's own host and run the checks every content plugin must pass from
 * here, with only the plugin's own facts (ids, counts, citations, probes) written in the plugin.
 *
 * Test-only and private, never published. It imports the packages whose tests use this package, so it is
 * type-checked with the plugins that import it (`@cohesion/test-support/content-plugin-kit`), not here.
 */
import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CONTENT_POINTS, createHost, createHostCatalog, readPluginPackage, type ContentPoint, type HostCatalog, type PluginInfo } from "@cohesion/core";
import { BUILTIN_SCALES, checkIntegrity, parseDocument, walkGuideQuestions } from "@cohesion/model";
import { validate, type Benchmark, type CohesionDocument, type DocumentKind, type GuideQuestion, type PluginManifest, type ValidationReport } from "@cohesion/schema";
import { BUILTIN_MODELS, scoreAssessment } from "@cohesion/scoring";
import { describe, expect, it } from "vitest";
import { copiedRuns, copiedSentences } from "./verbatim";

/** One document the host loaded from the plugin, with the manifest-relative file and array position it came from. */
export interface ContentEntry {
  readonly kind: string;
  /** The file as the manifest lists it, e.g. `content/practices.json`. */
  readonly file: string;
  /** Position in the file's array, or undefined for a file holding one document. */
  readonly index: number | undefined;
  /** `file[index]`, for test names. */
  readonly label: string;
  readonly document: Record<string, unknown>;
}

/** A content plugin as @cohesion/core loads it, alone in a host. */
export interface LoadedContentPlugin {
  readonly dir: string;
  /** The manifest as core read it; undefined when it failed the plugin-manifest schema. */
  readonly manifest: PluginManifest | undefined;
  /** Problems core found in package.json and its manifest. */
  readonly manifestProblems: ReturnType<typeof readPluginPackage>["problems"];
  /** The plugin as the host sees it: status, problems, document ids by kind. */
  readonly info: PluginInfo;
  /** The host's whole report: the plugin's problems and the cross-document checks. */
  readonly report: ValidationReport;
  /** Every document the host accepted from the plugin, in the host's loading order. */
  readonly entries: readonly ContentEntry[];
  readonly documents: readonly CohesionDocument[];
  readonly catalog: HostCatalog;
  /** The plugin's documents of one kind, in file order. */
  ofKind(kind: string): Record<string, unknown>[];
  /** The one benchmark the plugin contributes; throws unless there is exactly one. */
  benchmark(): Record<string, unknown>;
}

/**
 * Loads the plugin package in `dir` (a path or a file URL such as `new URL("..", import.meta.url)`) through
 * a host of its own (no discovery), so what the tests see is exactly what an application would get.
 * Documents the host refuses are not among `entries`; their problems are in `info.problems` and `report`.
 */
export function loadContentPlugin(dir: string | URL): LoadedContentPlugin {
  const folder = typeof dir === "string" ? resolve(dir) : fileURLToPath(dir);
  const pkg = readPluginPackage(folder);
  // A content plugin runs no code, so the host is never activated and needs no disposing.
  const host = createHost({ discover: false });
  const info = host.addPlugin(folder);
  const entries = host.documents().map((document): ContentEntry => {
    const id = (document as { id?: string }).id ?? "";
    const origin = host.origin(id, document.kind);
    const file = origin === undefined ? "(unknown)" : relative(info.path, origin.file).split("\\").join("/");
    const position = origin?.pointer.match(/^\/(\d+)$/)?.[1];
    const index = position === undefined ? undefined : Number(position);
    return { kind: document.kind, file, index, label: index === undefined ? file : `${file}[${index}]`, document: document as unknown as Record<string, unknown> };
  });
  const ofKind = (kind: string): Record<string, unknown>[] => entries.filter((entry) => entry.kind === kind).map((entry) => entry.document);
  return {
    dir: info.path,
    manifest: pkg.manifest,
    manifestProblems: pkg.problems,
    info,
    report: host.report(),
    entries,
    documents: host.documents(),
    catalog: host.catalog(),
    ofKind,
    benchmark: () => {
      const benchmarks = ofKind("benchmark");
      if (benchmarks.length !== 1 || benchmarks[0] === undefined) throw new Error(`expected one benchmark, found ${benchmarks.length}`);
      return benchmarks[0];
    },
  };
}

/** Reads a JSON file; a syntax error fails the test with the file named. */
export function readJson(path: string | URL): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as unknown;
  } catch (error) {
    throw new Error(`${String(path)}: ${(error as Error).message}`);
  }
}

/** Every guide question of a benchmark, sub-questions included, in document order (via @cohesion/model's walk). */
export function allGuideQuestions(benchmark: object): GuideQuestion[] {
  return [...walkGuideQuestions(benchmark as Benchmark)].map((visit) => visit.question);
}

/** An integrity probe's change: one document altered by a patch over it. */
export function patchDocument(id: string, patch: Record<string, unknown>): (documents: readonly CohesionDocument[]) => CohesionDocument[] {
  return (documents) => documents.map((document) => (idOf(document) === id ? ({ ...document, ...patch } as unknown as CohesionDocument) : document));
}

/** An integrity probe: a document given a reference that does not resolve, which must be reported on it. */
export function referenceProbe(name: string, id: string, patch: Record<string, unknown>): ContentPluginSpec["integrityProbes"][number] {
  return { name, change: patchDocument(id, patch), reportedOn: id };
}

/** An integrity probe's change: one document left out. */
export function dropDocument(id: string): (documents: readonly CohesionDocument[]) => CohesionDocument[] {
  return (documents) => documents.filter((document) => idOf(document) !== id);
}

function idOf(document: object): string | undefined {
  return "id" in document && typeof document.id === "string" ? document.id : undefined;
}

/** What a content plugin's shared tests need to know about it. */
export interface ContentPluginSpec {
  /** The plugin id, which is also the namespace of every document id. */
  readonly id: string;
  /** A name for test titles, e.g. "OECD". */
  readonly name: string;
  /** Exactly the kinds of document the plugin contributes. */
  readonly kinds: readonly DocumentKind[];
  /** Per kind, the ids the host must load (in order) or how many. */
  readonly documents: Readonly<Partial<Record<DocumentKind, readonly string[] | number>>>;
  /** What every source of every document cites. */
  readonly citations: {
    readonly publications: readonly string[];
    readonly year: number;
    /** The section each source names; by default any non-empty one. */
    readonly section?: RegExp;
  };
  /** A schema-breaking change to the first document of a kind, which validation must refuse (so the validation checks can fail). */
  readonly schemaProbe: { readonly kind: DocumentKind; readonly omit?: string; readonly set?: Record<string, unknown>; readonly pointer?: string };
  /** Changes the cross-document checks must report, each naming the document it must be reported on. */
  readonly integrityProbes: readonly {
    readonly name: string;
    readonly change: (documents: readonly CohesionDocument[]) => CohesionDocument[];
    readonly reportedOn: string;
  }[];
}

interface KeyFactorData {
  readonly id: string;
  readonly practiceRefs?: readonly string[];
}

/** The key factors of a benchmark document, across its sections. */
export function keyFactorsOf(benchmark: Record<string, unknown>): KeyFactorData[] {
  const sections = (benchmark["sections"] ?? []) as readonly { keyFactors: readonly KeyFactorData[] }[];
  return sections.flatMap((section) => section.keyFactors);
}

/**
 * The checks every content plugin must pass: its manifest (valid, id, content only, paths inside the
 * package's content folder), loading through the host (no problems, the expected documents), each
 * document (schema, zod parser, namespaced unique id, contribution point, citations), cross-document
 * integrity, and the catalog's search; each with a probe showing the check can fail.
 */
type Json = Record<string, unknown>;
const isJsonObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The JSON Pointers of the prose fields in a benchmark or framework whose `provenance` does not say
 * whose words they are (source or editorial): the standard, rationales, statements, pitfalls, tips,
 * guide questions and their guidance, descriptions, examples and glossary definitions.
 */
export function unmarkedProse(document: Json): string[] {
  const missing: string[] = [];
  const check = (node: unknown, pointer: string, fields: readonly string[]): void => {
    if (!isJsonObject(node)) return;
    const marks = isJsonObject(node["provenance"]) ? node["provenance"] : {};
    for (const field of fields) if (field in node && !(field in marks)) missing.push(`${pointer}/${field}`);
  };
  const each = (list: unknown, pointer: string, visit: (item: unknown, at: string) => void): void => {
    if (Array.isArray(list)) list.forEach((item, index) => visit(item, `${pointer}/${index}`));
  };
  const question = (node: unknown, at: string): void => {
    check(node, at, ["text", "guidance"]);
    if (isJsonObject(node)) each(node["subQuestions"], `${at}/subQuestions`, question);
  };
  const item = (node: unknown, at: string): void => {
    check(node, at, ["description", "examples"]);
    if (isJsonObject(node)) each(node["items"], `${at}/items`, item);
  };
  each(document["glossary"], "/glossary", (entry, at) => check(entry, at, ["definition"]));
  if (document["kind"] === "benchmark") {
    check(document, "", ["standard", "rationale", "coverage"]);
    each(document["sections"], "/sections", (section, at) => {
      check(section, at, ["description"]);
      if (!isJsonObject(section)) return;
      each(section["keyFactors"], `${at}/keyFactors`, (keyFactor, kf) => {
        check(keyFactor, kf, ["statement", "rationale", "pitfalls", "practicalTips"]);
        if (!isJsonObject(keyFactor)) return;
        each(keyFactor["guideQuestions"], `${kf}/guideQuestions`, question);
        each(keyFactor["recommendedActions"], `${kf}/recommendedActions`, (action, ra) => check(action, ra, ["description"]));
      });
    });
    each(document["contextFactors"], "/contextFactors", (factor, at) => check(factor, at, ["description", "mayInvolve"]));
  }
  if (document["kind"] === "framework") each(document["items"], "/items", item);
  return missing;
}

export function describeContentPlugin(plugin: LoadedContentPlugin, spec: ContentPluginSpec): void {
  describe(`${spec.name} plugin manifest`, () => {
    it(`is a valid plugin manifest with the ${spec.id} id`, () => {
      expect(plugin.manifestProblems).toEqual([]);
      expect(plugin.manifest?.id).toBe(spec.id);
      const report = validate(plugin.manifest);
      expect(report.errors).toEqual([]);
      expect(report.valid).toBe(true);
    });

    it("contributes content only, from files inside its published content folder", () => {
      const contributes = (plugin.manifest?.contributes ?? {}) as Record<string, unknown>;
      for (const key of Object.keys(contributes)) expect(Object.hasOwn(CONTENT_POINTS, key), `contributes.${key}`).toBe(true);
      const paths = Object.values(contributes).flat() as string[];
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) expect(relative(plugin.dir, resolve(plugin.dir, path)).split("\\").join("/"), path).toMatch(/^content\/[^/]/);
      // Missing files and symbolic links leading out of the package are the host's to find.
      expect(plugin.info.problems.filter((problem) => problem.code.startsWith("content_"))).toEqual([]);
    });
  });

  describe(`${spec.name} plugin loaded by the plugin host`, () => {
    it("loads as data, without problems, with the cross-document checks passing", () => {
      expect(plugin.info.problems).toEqual([]);
      expect(plugin.info.id).toBe(spec.id);
      expect(plugin.info.status).toBe("loaded");
      expect(plugin.info.contributions).toEqual({});
      expect(plugin.report.errors).toEqual([]);
      expect(plugin.report.valid).toBe(true);
    });

    it("contributes exactly the expected documents", () => {
      expect(Object.keys(plugin.info.documents).sort()).toEqual([...spec.kinds].sort());
      for (const [kind, expected] of Object.entries(spec.documents)) {
        const ids = plugin.info.documents[kind as DocumentKind] ?? [];
        if (typeof expected === "number") expect(ids, kind).toHaveLength(expected);
        else expect(ids, kind).toEqual(expected);
      }
      expect(new Set(plugin.entries.map((entry) => entry.kind))).toEqual(new Set(spec.kinds));
    });
  });

  describe(`${spec.name} contributed documents`, () => {
    it.each(plugin.entries.map((entry) => [entry.label, entry] as const))("%s passes schema validation and the zod parser", (_label, entry) => {
      const report = validate(entry.document);
      expect(report.errors).toEqual([]);
      expect(report.valid).toBe(true);
      const parsed = parseDocument(entry.document);
      expect(parsed.report.errors).toEqual([]);
      expect(parsed.ok).toBe(true);
    });

    it("sit under the contributes key matching their kind", () => {
      const contributes = (plugin.manifest?.contributes ?? {}) as Partial<Record<ContentPoint, readonly string[]>>;
      for (const entry of plugin.entries) {
        const point = (Object.keys(CONTENT_POINTS) as ContentPoint[]).find((candidate) => CONTENT_POINTS[candidate] === entry.kind);
        expect(point === undefined ? [] : (contributes[point] ?? []), entry.label).toContain(entry.file);
      }
    });

    it(`carry kebab-case ids in the ${spec.id} namespace, each used once`, () => {
      const ids = plugin.entries.map((entry) => String(entry.document["id"]));
      const pattern = new RegExp(`^${spec.id.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&")}\\.[a-z0-9]+(?:-[a-z0-9]+)*$`);
      for (const id of ids) expect(id).toMatch(pattern);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it(`cite ${spec.citations.publications.join(" or ")} (${spec.citations.year}), with a section, in every source`, () => {
      for (const entry of plugin.entries) {
        const sources = (entry.document["sources"] ?? []) as { publication: string; year: number; section?: string }[];
        expect(sources.length, entry.label).toBeGreaterThan(0);
        for (const source of sources) {
          expect(spec.citations.publications, entry.label).toContain(source.publication);
          expect(source.year, entry.label).toBe(spec.citations.year);
          expect(source.section ?? "", entry.label).toMatch(spec.citations.section ?? /./);
        }
      }
    });

    it("say whose words every prose field of their benchmarks and frameworks holds (provenance)", () => {
      for (const entry of plugin.entries) expect(unmarkedProse(entry.document), entry.label).toEqual([]);
    });

    it(`are refused when a ${spec.schemaProbe.kind} breaks the schema, so the checks above can fail`, () => {
      const probe = spec.schemaProbe;
      const original = plugin.ofKind(probe.kind)[0];
      expect(original).toBeDefined();
      const broken: Record<string, unknown> = { ...original, ...probe.set };
      if (probe.omit !== undefined) delete broken[probe.omit];
      const report = validate(broken);
      expect(report.valid).toBe(false);
      expect(report.errors.length).toBeGreaterThan(0);
      if (probe.pointer !== undefined) expect(report.errors.some((problem) => problem.pointer === probe.pointer)).toBe(true);
      expect(parseDocument(broken).ok).toBe(false);
    });
  });

  describe(`${spec.name} wording`, () => {
    it("copies no sentence of its sources: a run of twelve or more words found in a source document is only ever a whole title or name", () => {
      const sentences = copiedSentences(copiedRuns([plugin.dir])).map((run) => `${relative(plugin.dir, run.file)}${run.pointer ? `#${run.pointer}` : ""}: "${run.words}"`);
      expect(sentences).toEqual([]);
    });
  });

  describe(`${spec.name} content integrity`, () => {
    it("reports nothing over all contributed documents and the built-in scales", () => {
      const report = checkIntegrity([...plugin.documents, ...BUILTIN_SCALES]);
      expect(report.errors).toEqual([]);
      expect(report.valid).toBe(true);
    });

    it.each(spec.integrityProbes.map((probe) => [probe.name, probe] as const))("reports %s, so the check above is not vacuous", (_name, probe) => {
      const report = checkIntegrity([...probe.change(plugin.documents), ...BUILTIN_SCALES]);
      expect(report.valid).toBe(false);
      expect(report.errors.some((problem) => problem.params["documentId"] === probe.reportedOn)).toBe(true);
    });

    // A plugin with a benchmark links its practices to the benchmark's key factors.
    if (spec.kinds.includes("benchmark")) {
      it("links every practice to key factors of the benchmark that list it back, and every listed practice exists", () => {
        const benchmark = plugin.benchmark();
        const keyFactors = keyFactorsOf(benchmark);
        const practices = plugin.ofKind("practice") as unknown as { id: string; keyFactors?: string[] }[];
        expect(practices.length).toBeGreaterThan(0);
        for (const practice of practices) {
          const refs = practice.keyFactors ?? [];
          expect(refs.length, practice.id).toBeGreaterThan(0);
          for (const ref of refs) {
            const keyFactor = keyFactors.find((candidate) => `${String(benchmark["id"])}#${candidate.id}` === ref);
            expect(keyFactor, ref).toBeDefined();
            expect(keyFactor?.practiceRefs ?? [], ref).toContain(practice.id);
          }
        }
        const practiceIds = new Set(practices.map((practice) => practice.id));
        for (const keyFactor of keyFactors) for (const ref of keyFactor.practiceRefs ?? []) expect(practiceIds.has(ref), ref).toBe(true);
      });
    }
  });

  describe(`${spec.name} content in the host's catalog`, () => {
    it("finds every practice by its title", () => {
      const practices = plugin.ofKind("practice") as unknown as { id: string; title: string }[];
      for (const practice of practices) {
        expect(plugin.catalog.practice(practice.id)?.title, practice.id).toBe(practice.title);
        const hits = plugin.catalog.searchPractices(practice.title, { fuzzy: false });
        expect(hits.map((hit) => hit.practice.id), practice.title).toContain(practice.id);
      }
    });
  });
}

/** The facts an example assessment written against a plugin's benchmark must keep. */
export interface ExampleAssessmentFacts {
  /** What the assessment holds: its id and method, and its subject (a place or scheme the plugin ships, with its name). */
  readonly holds: {
    readonly id: string;
    readonly method: string;
    readonly subject: { readonly type: "place" | "scheme"; readonly ref: string; readonly name?: string };
  };
  /** What the notes must say (that the source gives no ratings). */
  readonly notes: RegExp;
  /** What every answer's notes must match; by default more than 20 characters. */
  readonly answerNotes?: RegExp;
  /** Whether there is a target for every key factor, or only for some. */
  readonly targets: "every key factor" | "some key factors";
}

interface AssessmentData {
  id: string;
  benchmark: { id: string; version: string };
  subject: { type: string; ref: string };
  scale: string;
  method: string;
  illustrative: boolean;
  notes: string;
  answers: Record<string, { level: string; notes?: string; provenance?: { notes?: string } }>;
  contextFactors?: Record<string, { influence: string; notes?: string; provenance?: { notes?: string } }>;
  targets: { keyFactors: Record<string, number> };
}

/**
 * Checks an example assessment against the plugin: it validates and resolves, answers every guide question
 * on its scale with notes whose provenance is marked, marks every context factor, sets targets only for real key factors, is
 * refused when it strays, resolves in the catalog, and scores with every built-in model.
 */
export function describeExampleAssessment(plugin: LoadedContentPlugin, file: string | URL, example: ExampleAssessmentFacts): void {
  const { holds } = example;
  describe(`example assessment ${holds.id}`, () => {
    const assessment = readJson(file) as AssessmentData;
    const typed = assessment as unknown as CohesionDocument;
    const benchmark = plugin.benchmark();
    const questionIds = allGuideQuestions(benchmark).map((question) => question.id);
    const keyFactorIds = keyFactorsOf(benchmark).map((keyFactor) => keyFactor.id);
    const integrity = (document: unknown): ValidationReport => checkIntegrity([...plugin.documents, ...BUILTIN_SCALES, document as CohesionDocument]);

    it("passes schema validation", () => {
      const report = validate(assessment);
      expect(report.errors).toEqual([]);
      expect(report.valid).toBe(true);
    });

    it("resolves against the plugin's content with nothing reported", () => {
      const report = integrity(assessment);
      expect(report.errors).toEqual([]);
      expect(report.valid).toBe(true);
    });

    it(`is a ${holds.method} assessment of ${holds.subject.ref} on the plugin's benchmark, flagged as illustrative`, () => {
      expect(assessment).toMatchObject(holds);
      expect(assessment.benchmark).toEqual({ id: benchmark["id"], version: benchmark["version"] });
      expect(plugin.entries.find((entry) => entry.document["id"] === holds.subject.ref)?.kind).toBe(holds.subject.type);
      expect(assessment.illustrative).toBe(true);
      expect(assessment.notes).toMatch(example.notes);
    });

    it("answers every guide question, some as not applicable, on its scale, each with notes marked source or editorial", () => {
      expect(Object.keys(assessment.answers).sort()).toEqual([...questionIds].sort());
      const levels = new Set([...(BUILTIN_SCALES.find((scale) => scale.id === assessment.scale)?.levels ?? []).map((level) => level.id), "n/a"]);
      expect(levels.size).toBeGreaterThan(1);
      expect(Object.values(assessment.answers).map((answer) => answer.level)).toContain("n/a");
      for (const [id, answer] of Object.entries(assessment.answers)) {
        expect(levels.has(answer.level), id).toBe(true);
        expect(answer.notes ?? "", id).toMatch(example.answerNotes ?? /^[\s\S]{21,}$/);
        expect(["source", "editorial"], id).toContain(answer.provenance?.notes);
      }
      for (const [id, mark] of Object.entries(assessment.contextFactors ?? {})) {
        if (mark.notes !== undefined) expect(["source", "editorial"], id).toContain(mark.provenance?.notes);
      }
    });

    it(`marks every context factor and sets targets for ${example.targets}`, () => {
      const contextFactors = (benchmark["contextFactors"] ?? []) as { id: string }[];
      expect(Object.keys(assessment.contextFactors ?? {}).sort()).toEqual(contextFactors.map((factor) => factor.id).sort());
      const targeted = Object.keys(assessment.targets.keyFactors);
      expect(targeted.length).toBeGreaterThan(0);
      for (const id of targeted) expect(keyFactorIds).toContain(id);
      if (example.targets === "every key factor") expect([...targeted].sort()).toEqual([...keyFactorIds].sort());
    });

    it("is reported when it answers a question the benchmark does not have", () => {
      const stray = { ...assessment, answers: { ...assessment.answers, "no-such-question": { level: "full" } } };
      const report = integrity(stray);
      expect(report.valid).toBe(false);
      expect(report.errors.map((problem) => problem.code)).toContain("unknown_guide_question");
    });

    it("is reported when it uses a level the scale lacks", () => {
      const wrong = { ...assessment, answers: { ...assessment.answers, [String(questionIds[0])]: { level: "excellent" } } };
      const report = integrity(wrong);
      expect(report.valid).toBe(false);
      expect(report.errors.map((problem) => problem.code)).toContain("unknown_level");
    });

    it("resolves its benchmark version, subject and scale in the catalog", () => {
      const catalog = createHostCatalog([...plugin.documents, typed]);
      const loaded = catalog.assessment(holds.id);
      expect(loaded).toBeDefined();
      expect(catalog.benchmark(loaded?.benchmark.id ?? "", loaded?.benchmark.version)?.version).toBe(benchmark["version"]);
      if (holds.subject.type === "place") expect(catalog.place(loaded?.subject.ref ?? "")?.name).toBe(holds.subject.name);
      else expect(catalog.scheme(loaded?.subject.ref ?? "")?.id).toBe(holds.subject.ref);
      expect(catalog.scale(loaded?.scale ?? "")?.id).toBe("cohesion.maturity");
    });

    it.each(BUILTIN_MODELS.map((model) => [model.id, model] as const))("gives a valid score report with %s", (_id, model) => {
      const result = scoreAssessment(assessment, benchmark, { model });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(validate(result.report).errors).toEqual([]);
      expect(result.report.overall.score).toBeGreaterThanOrEqual(0);
      expect(result.report.overall.score).toBeLessThanOrEqual(100);
    });
  });
}
