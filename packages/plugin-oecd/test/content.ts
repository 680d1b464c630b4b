import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Folder of this plugin package; manifest paths are relative to it. */
export const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Folder of the repository's example data. */
export const EXAMPLES_DIR = join(PACKAGE_DIR, "..", "..", "examples");

/** The document kind each `contributes` key holds, as the host maps them. */
export const CONTRIBUTION_KINDS = {
  frameworks: "framework",
  scales: "scale",
  benchmarks: "benchmark",
  practices: "practice",
  places: "place",
  schemes: "scheme",
  assessments: "assessment",
} as const;

export type ContributionKey = keyof typeof CONTRIBUTION_KINDS;

/** One document found through the manifest, with where it came from. */
export interface ContributedDocument {
  readonly key: ContributionKey;
  readonly file: string;
  readonly index: number | undefined;
  readonly document: Record<string, unknown>;
}

/** Reads a JSON file; the tests want a parse error to fail loudly with the file name. */
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
 * Loads every content document the manifest lists, the way the plugin host reads them: each path is
 * a JSON file holding one document or an array of documents.
 */
export function loadContributedDocuments(): ContributedDocument[] {
  const contributes = (readManifest()["contributes"] ?? {}) as Record<string, unknown>;
  const found: ContributedDocument[] = [];
  for (const [key, paths] of Object.entries(contributes)) {
    if (!isContributionKey(key) || !Array.isArray(paths)) continue;
    for (const relative of paths as string[]) {
      const file = join(PACKAGE_DIR, relative);
      const data = readJson(file);
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

/** Every guide question of a benchmark, sub-questions included, in document order. */
export function allGuideQuestions(benchmark: {
  sections: readonly { keyFactors: readonly { guideQuestions: readonly GuideQuestionData[] }[] }[];
}): GuideQuestionData[] {
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

/** Where the example assessment lives. */
export const EXAMPLE_ASSESSMENT = join(EXAMPLES_DIR, "assessments", "oecd-gothenburg-time-and-space.json");
