import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Folder of this plugin package; manifest paths are relative to it. */
export const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The example assessments written against this plugin's benchmark. */
export const EXAMPLE_ASSESSMENTS = {
  athens: join(PACKAGE_DIR, "..", "..", "examples", "assessments", "eurocities-athens-kypseli.json"),
  malmo: join(PACKAGE_DIR, "..", "..", "examples", "assessments", "eurocities-malmo-all-activities-centres.json"),
} as const;

/** The publication every document of this plugin cites. */
export const PUBLICATION = "Integrating Cities Toolkit: Making participation effective in diverse neighbourhoods";

/** The document kind each `contributes` key holds, as the plugin host maps them. */
export const CONTRIBUTION_KINDS = {
  frameworks: "framework",
  scales: "scale",
  benchmarks: "benchmark",
  practices: "practice",
  places: "place",
  schemes: "scheme",
} as const;

export type ContributionKey = keyof typeof CONTRIBUTION_KINDS;

/** One document found through the manifest, with the file (and array position) it came from. */
export interface ContributedDocument {
  readonly key: ContributionKey;
  readonly file: string;
  readonly index: number | undefined;
  readonly document: Record<string, unknown>;
}

/** Reads a JSON file; a syntax error fails the test with the file named. */
export function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as unknown;
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
}

/** The `cohesion` manifest of this package's package.json. */
export function readManifest(): Record<string, unknown> {
  const pkg = readJson(join(PACKAGE_DIR, "package.json")) as { cohesion?: Record<string, unknown> };
  if (pkg.cohesion === undefined) throw new Error("package.json has no cohesion key");
  return pkg.cohesion;
}

function isContributionKey(key: string): key is ContributionKey {
  return Object.hasOwn(CONTRIBUTION_KINDS, key);
}

/**
 * Loads every content document the manifest lists, as the plugin host reads them: each path names a
 * JSON file holding one document or an array of documents. An unknown contributes key fails loudly,
 * because the host would not load it either.
 */
export function loadContributedDocuments(): ContributedDocument[] {
  const contributes = (readManifest()["contributes"] ?? {}) as Record<string, unknown>;
  const found: ContributedDocument[] = [];
  for (const [key, paths] of Object.entries(contributes)) {
    if (!isContributionKey(key)) throw new Error(`contributes.${key} is not a content contribution`);
    if (!Array.isArray(paths)) throw new Error(`contributes.${key} is not an array of paths`);
    for (const relative of paths as string[]) {
      const data = readJson(join(PACKAGE_DIR, relative));
      if (Array.isArray(data)) {
        data.forEach((document, index) => found.push({ key, file: relative, index, document: document as Record<string, unknown> }));
      } else {
        found.push({ key, file: relative, index: undefined, document: data as Record<string, unknown> });
      }
    }
  }
  return found;
}

/** A guide question as the content files hold it. */
export interface GuideQuestionData {
  readonly id: string;
  readonly text: string;
  readonly subQuestions?: readonly GuideQuestionData[];
}

/** A key factor as the content files hold it. */
export interface KeyFactorData {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly statement: string;
  readonly rationale: string;
  readonly guideQuestions: readonly GuideQuestionData[];
  readonly practiceRefs: readonly string[];
}

/** The parts of the benchmark document the tests look at. */
export interface BenchmarkData {
  readonly id: string;
  readonly version: string;
  readonly themeRef: string;
  readonly sections: readonly { id: string; title: string; keyFactors: readonly KeyFactorData[] }[];
  readonly contextFactors: readonly { id: string; title: string; mayInvolve: readonly string[] }[];
  readonly glossary: readonly { term: string; definition: string }[];
  readonly contributors: readonly { name: string; placeRef?: string }[];
}

/** Every guide question of a benchmark, sub-questions included, in document order. */
export function allGuideQuestions(benchmark: BenchmarkData): GuideQuestionData[] {
  const out: GuideQuestionData[] = [];
  const visit = (questions: readonly GuideQuestionData[]): void => {
    for (const question of questions) {
      out.push(question);
      visit(question.subQuestions ?? []);
    }
  };
  for (const section of benchmark.sections) for (const keyFactor of section.keyFactors) visit(keyFactor.guideQuestions);
  return out;
}

/** The one benchmark this plugin contributes. */
export function theBenchmark(documents: readonly ContributedDocument[]): BenchmarkData {
  const benchmarks = documents.filter((entry) => entry.document["kind"] === "benchmark");
  if (benchmarks.length !== 1 || benchmarks[0] === undefined) throw new Error(`expected one benchmark, found ${benchmarks.length}`);
  return benchmarks[0].document as unknown as BenchmarkData;
}

/** The id of a document; score reports have none, so they answer undefined. */
export function documentId(document: object): string | undefined {
  return "id" in document && typeof document.id === "string" ? document.id : undefined;
}
