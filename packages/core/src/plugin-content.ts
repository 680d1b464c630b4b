import { quickCheck, SCHEMA_VERSION, supportedSchemaVersions, validateAs, type CohesionDocument, type QuickCheckKind, type DocumentKind, type PluginManifest, type ValidationProblem } from "@cohesion/schema";
import { contentCheckKey, type ContentCache } from "./content-cache";
import { checkExtensionTargets } from "./extension-targets";
import { readPluginJson } from "./plugin-files";
import type { PluginRecord } from "./plugin-record";
import { hostProblem } from "./problems";
import { extendSchema, type DocumentValidator } from "./schema-extensions";
import type { DocumentOrigin } from "./types";

/**
 * Content contribution points and the kind of document each takes.
 *
 * @example
 * ```ts
 * CONTENT_POINTS.practices; // "practice"
 * ```
 */
export const CONTENT_POINTS = {
  frameworks: "framework",
  scales: "scale",
  benchmarks: "benchmark",
  practices: "practice",
  places: "place",
  schemes: "scheme",
  assessments: "assessment",
} as const satisfies Record<string, DocumentKind>;

/**
 * A content contribution point, such as `practices`.
 *
 * @example
 * ```ts
 * const point: ContentPoint = "benchmarks";
 * ```
 */
export type ContentPoint = keyof typeof CONTENT_POINTS;
/**
 * A kind of document a plugin can contribute as content.
 *
 * @example
 * ```ts
 * const kind: ContentKind = CONTENT_POINTS.places; // "place"
 * ```
 */
export type ContentKind = (typeof CONTENT_POINTS)[ContentPoint];

const POINT_OF_KIND = Object.fromEntries(Object.entries(CONTENT_POINTS).map(([point, kind]) => [kind, point])) as Record<ContentKind, ContentPoint>;

/**
 * A document loaded from a plugin, with where it came from.
 *
 * @example
 * ```ts
 * const entry: LoadedDocument = { document: practice, origin: { plugin: "acme", file: "/p/acme/p.json", pointer: "/0" } };
 * ```
 */
export interface LoadedDocument {
  readonly document: CohesionDocument;
  readonly origin: DocumentOrigin;
}

/**
 * Who already holds each contributed id, so a second contribution of it can name both plugins.
 *
 * @example
 * ```ts
 * const index: ContributionIndex = new Map([["practice:acme.one", { plugin: "acme", file: "/p/acme/p.json", pointer: "" }]]);
 * ```
 */
export type ContributionIndex = Map<string, DocumentOrigin>;

/**
 * The key under which a document's id must be unique: benchmarks may repeat an id across versions.
 *
 * @example
 * ```ts
 * contributionKey("benchmark", { id: "oecd.time-and-space", version: "1.0.0" }); // "benchmark:oecd.time-and-space@1.0.0"
 * ```
 */
export function contributionKey(kind: string, document: Record<string, unknown>): string {
  const version = kind === "benchmark" && typeof document["version"] === "string" ? `@${document["version"]}` : "";
  return `${kind}:${String(document["id"])}${version}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const KIND_NAMES = new Set<string>(Object.values(CONTENT_POINTS));

/**
 * A plugin's compiled schema extensions: a validator and the patches, per extended kind.
 *
 * @example
 * ```ts
 * const { validators, patches }: SchemaExtensions = loadSchemaExtensions(record, manifest);
 * ```
 */
export interface SchemaExtensions {
  readonly validators: ReadonlyMap<DocumentKind, DocumentValidator>;
  readonly patches: ReadonlyMap<DocumentKind, readonly unknown[]>;
  /** True when an extension cannot be used: the plugin is then refused whole, never half-loaded. */
  readonly refused: boolean;
}

/**
 * Compiles the plugin's schema extensions: its JSON Merge Patches, per kind, over the core schemas.
 * Returns a validator per extended kind and the patches that compiled; problems go to the record.
 *
 * @example
 * ```ts
 * const { validators } = loadSchemaExtensions(record, manifest);
 * validators.get("practice")?.(practice).valid;
 * ```
 */
export function loadSchemaExtensions(record: PluginRecord, manifest: PluginManifest): SchemaExtensions {
  const patches = new Map<DocumentKind, Array<{ patch: unknown; path: string; pointer: string }>>();
  (manifest.contributes.schemaExtensions ?? []).forEach((extension, index) => {
    const pointer = `/cohesion/contributes/schemaExtensions/${index}/patch`;
    const read = readPluginJson(record, extension.patch, pointer);
    if (!read.ok) {
      record.problems.push(...read.problems);
      return;
    }
    if (!isObject(read.value)) {
      record.problems.push({
        ...hostProblem("invalid_schema_extension", pointer, {
          plugin: record.id,
          path: extension.patch,
          kind: extension.kind,
          reason: "a JSON Merge Patch over a schema must be a JSON object",
        }),
        file: read.file,
      });
      return;
    }
    // An extension is written for schema versions; by default, the manifest's own major from its version on.
    const range = extension.schemaVersions ?? `^${manifest.schemaVersion}`;
    const targets = checkExtensionTargets(extension.kind, read.value, range);
    if (!targets.ok) {
      const params = { plugin: record.id, kind: extension.kind, range, path: extension.patch, current: SCHEMA_VERSION };
      const at = extension.schemaVersions === undefined ? pointer : pointer.replace(/\/patch$/, "/schemaVersions");
      if (targets.reason === "conflicts") {
        for (const conflict of targets.conflicts) {
          record.problems.push({ ...hostProblem("schema_extension_conflict", at, { ...params, target: targets.target, field: conflict.field, change: conflict.change }), file: record.packageFile });
        }
      } else {
        const why = targets.reason === "bad_range" ? "which is not a range of versions (write it as npm does, e.g. \"^1.1\")" : `none of which this host ships (it reads ${supportedSchemaVersions})`;
        record.problems.push({ ...hostProblem("schema_extension_unsupported", at, { ...params, why }), file: record.packageFile });
      }
      return;
    }
    const list = patches.get(extension.kind) ?? [];
    list.push({ patch: read.value, path: extension.patch, pointer });
    patches.set(extension.kind, list);
  });
  const problemsBefore = record.problems.length;
  const validators = new Map<DocumentKind, DocumentValidator>();
  const compiled = new Map<DocumentKind, unknown[]>();
  for (const [kind, list] of patches) {
    const kindPatches = list.map((entry) => entry.patch);
    const result = extendSchema(kind, kindPatches, record.id);
    if (result.ok) {
      validators.set(kind, result.validate);
      compiled.set(kind, kindPatches);
    } else {
      const first = list[0];
      record.problems.push({
        ...hostProblem("invalid_schema_extension", first?.pointer ?? "/cohesion/contributes/schemaExtensions", {
          plugin: record.id,
          path: list.map((entry) => entry.path).join(", "),
          kind,
          reason: result.reason,
        }),
        file: record.packageFile,
      });
    }
  }
  const refused = record.problems.length > problemsBefore || (manifest.contributes.schemaExtensions ?? []).length > [...patches.values()].reduce((n, list) => n + list.length, 0);
  return { validators, patches: refused ? new Map() : compiled, refused };
}

/**
 * Loads a plugin's content contributions as data, without running any plugin code: reads each listed
 * file, checks each document's kind, validates it (against the merged schema when the plugin extends its
 * kind), checks its id is namespaced by the plugin and not already contributed. Documents with errors are
 * left out; problems go to the record.
 *
 * @example
 * ```ts
 * const loaded = loadPluginContent(record, manifest, new Map(), new Map());
 * loaded.map((entry) => entry.document.id);
 * ```
 */
export function loadPluginContent(
  record: PluginRecord,
  manifest: PluginManifest,
  validators: ReadonlyMap<DocumentKind, DocumentValidator>,
  index: ContributionIndex,
  cache?: { readonly store: ContentCache; readonly extensions: string },
): LoadedDocument[] {
  const loaded: LoadedDocument[] = [];
  for (const [point, kind] of Object.entries(CONTENT_POINTS) as Array<[ContentPoint, ContentKind]>) {
    const paths = manifest.contributes[point] ?? [];
    paths.forEach((path, pathIndex) => {
      const read = readPluginJson(record, path, `/cohesion/contributes/${point}/${pathIndex}`);
      if (!read.ok) {
        record.problems.push(...read.problems);
        return;
      }
      const entries: Array<[unknown, string]> = Array.isArray(read.value)
        ? read.value.map((document, position) => [document, `/${position}`])
        : [[read.value, ""]];
      // A file whose every document passed schema validation under the same validators before is not
      // validated again; the checks that depend on the other plugins (ids, duplicates) always run.
      const key = cache && contentCheckKey(read.text, cache.extensions);
      const validate = key !== undefined && cache?.store.has(key) ? PASSED : (validators.get(kind) ?? coreValidator(kind));
      let clean = true;
      for (const [document, pointer] of entries) {
        const accepted = acceptDocument(record, point, kind, document, { plugin: record.id, file: read.file, pointer }, validate, index);
        if (accepted.document) loaded.push(accepted.document);
        clean &&= accepted.schemaClean;
      }
      if (key !== undefined && clean) cache?.store.add(key);
    });
  }
  return loaded;
}

const PASSED: DocumentValidator = () => ({ valid: true, errors: [] });

const QUICK_KINDS: ReadonlySet<string> = new Set<QuickCheckKind>(["assessment", "benchmark", "scale", "place", "practice"]);

// Installed content is checked on every start and nearly always valid: the quick check answers for a valid
// document in a fraction of the full validator's time (and hands anything else to it, so reports are the same).
function coreValidator(kind: ContentKind): DocumentValidator {
  const full = (document: unknown) => validateAs(kind, document);
  if (!QUICK_KINDS.has(kind)) return full;
  const quick = quickCheck(kind as QuickCheckKind);
  return (document) => quick.validate(document, full);
}

function acceptDocument(
  record: PluginRecord,
  point: ContentPoint,
  kind: ContentKind,
  document: unknown,
  origin: DocumentOrigin,
  validate: DocumentValidator,
  index: ContributionIndex,
): { document: LoadedDocument | undefined; schemaClean: boolean } {
  const problems: ValidationProblem[] = [];
  const at = (pointer: string): string => `${origin.pointer}${pointer}`;
  const actual = isObject(document) ? document["kind"] : undefined;
  if (typeof actual === "string" && actual !== kind && KIND_NAMES.has(actual)) {
    record.problems.push({
      ...hostProblem("wrong_contribution_kind", at("/kind"), { point, expected: kind, actual, actualPoint: POINT_OF_KIND[actual as ContentKind] }),
      file: origin.file,
    });
    return { document: undefined, schemaClean: false };
  }
  const report = validate(document);
  const schemaClean = report.valid && report.errors.length === 0;
  problems.push(...report.errors.map((problem) => ({ ...problem, pointer: at(problem.pointer), file: origin.file })));
  let usable = report.valid;
  if (isObject(document) && typeof document["id"] === "string") {
    const id = document["id"];
    const namespaced = id.startsWith(`${record.id}.`);
    if (!namespaced) {
      problems.push({ ...hostProblem("id_not_namespaced", at("/id"), { kind, id, plugin: record.id }), file: origin.file });
      usable = false;
    }
    // Checked even for an id outside the namespace, so a plugin reusing another's id is named as such.
    const key = contributionKey(kind, document);
    const first = index.get(key);
    if (first) {
      problems.push({
        ...hostProblem("duplicate_contribution", at("/id"), { kind, id, firstPlugin: first.plugin, secondPlugin: record.id, firstFile: first.file }),
        file: origin.file,
      });
      usable = false;
    }
    if (usable) index.set(key, origin);
  }
  record.problems.push(...problems);
  if (!usable) return { document: undefined, schemaClean };
  const typed = document as CohesionDocument & { id: string };
  (record.documents[kind] ??= []).push(typed.id);
  return { document: { document: typed, origin }, schemaClean };
}
