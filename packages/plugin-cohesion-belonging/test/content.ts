import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Folder of this plugin package; manifest paths are relative to it. */
export const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The plugin id, which is also the namespace of every document id. */
export const NAMESPACE = "cohesion-belonging";

/** The two publications this plugin draws on, as its content cites them. */
export const LESSONS_REPORT = "Lessons Learned Report: Cohesion and Belonging City Working Group";
export const EVIDENCE_REVIEW = "Cohesion and Belonging: Review of the Evidence";

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

/** Reads a JSON file; a parse error should fail the test run loudly, naming the file. */
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

/** A framework item as the content files hold it. */
export interface FrameworkItemData {
  readonly id: string;
  readonly title: string;
  readonly itemType?: string;
  readonly effect?: string;
  readonly items?: readonly FrameworkItemData[];
}

/** A framework as the content files hold it. */
export interface FrameworkData {
  readonly id: string;
  readonly frameworkType: string;
  readonly items: readonly FrameworkItemData[];
  readonly glossary?: readonly { term: string }[];
  readonly programmes?: readonly { id: string; name: string }[];
}

/** Every item of a framework, nested ones included, in document order. */
export function allItems(framework: FrameworkData): FrameworkItemData[] {
  const out: FrameworkItemData[] = [];
  const visit = (items: readonly FrameworkItemData[]): void => {
    for (const item of items) {
      out.push(item);
      visit(item.items ?? []);
    }
  };
  visit(framework.items);
  return out;
}
