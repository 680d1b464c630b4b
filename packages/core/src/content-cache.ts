import { createHash } from "node:crypto";
import { readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { SCHEMA_VERSION } from "@cohesion/schema";
import corePackage from "../package.json" with { type: "json" };
import { makeFolderSync } from "./folders";

/** How many clean files a cache remembers; the oldest are forgotten first. */
const MAX_ENTRIES = 5_000;
const FILE = "content-checks.json";

/**
 * What a host remembers between runs about installed content: the files whose documents all passed
 * schema validation with no problem at all, by a key of their text and of the validators that checked
 * them ({@link contentCheckKey}). Only clean files are remembered, so a file with a problem is checked
 * and reported on every run.
 */
export interface ContentCache {
  has(key: string): boolean;
  add(key: string): void;
  /** Writes what was added (atomically; a cache that cannot be written is simply not kept). */
  save(): void;
}

/** A cache that remembers nothing: the host validates every content file on every start. */
export const NO_CONTENT_CACHE: ContentCache = { has: () => false, add: () => undefined, save: () => undefined };

/**
 * Opens the content cache kept in `folder` (created when first saved). Never throws: an unreadable or
 * corrupt cache is an empty one.
 *
 * @example
 * ```ts
 * const cache = openContentCache("/home/ana/.cache/cohesion");
 * if (!cache.has(key)) { validate(); cache.add(key); cache.save(); }
 * ```
 */
export function openContentCache(folder: string): ContentCache {
  const file = join(folder, FILE);
  let keys: Set<string>;
  try {
    const stored = JSON.parse(readFileSync(file, "utf8")) as { clean?: unknown };
    keys = new Set(Array.isArray(stored.clean) ? stored.clean.filter((key): key is string => typeof key === "string") : []);
  } catch {
    keys = new Set();
  }
  let changed = false;
  return {
    has: (key) => keys.has(key),
    add: (key) => {
      if (keys.has(key)) return;
      keys.add(key);
      changed = true;
    },
    save: () => {
      if (!changed) return;
      changed = false;
      const clean = [...keys].slice(-MAX_ENTRIES);
      const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
      try {
        makeFolderSync(folder);
        writeFileSync(temporary, `${JSON.stringify({ clean })}\n`);
        renameSync(temporary, file);
      } catch {
        // A read-only or full disk: the next start validates again, which is all a cache saves.
      }
    },
  };
}

let validatorsBuild: string | undefined;

// The build of the validators and of this host, so that a cache never outlives a change to either (a
// development build keeps its version number): their versions, and the size and time of their files.
function validatorsFingerprint(): string {
  if (validatorsBuild !== undefined) return validatorsBuild;
  const files: string[] = [];
  try {
    files.push(fileURLToPath(import.meta.url), createRequire(import.meta.url).resolve("@cohesion/schema"));
  } catch {
    // Bundled without files of its own: versions only.
  }
  const stamps = files.map((path) => {
    try {
      const stat = statSync(path);
      return `${path}:${stat.size}:${stat.mtimeMs}`;
    } catch {
      return path;
    }
  });
  validatorsBuild = [corePackage.version, SCHEMA_VERSION, ...stamps].join("\n");
  return validatorsBuild;
}

/**
 * The key under which a content file's clean check is remembered: a SHA-256 of its text, of the schema
 * extensions that applied to it (the plugin's merge patches, as text) and of the validators' build.
 *
 * @example
 * ```ts
 * const key = contentCheckKey(text, JSON.stringify(patches));
 * ```
 */
export function contentCheckKey(text: string, extensions: string): string {
  return createHash("sha256").update(validatorsFingerprint()).update("\0").update(extensions).update("\0").update(text).digest("base64url");
}
