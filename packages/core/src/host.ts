import { readFileSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { BUILTIN_SCALES, checkIntegrity } from "@cohesion/model/integrity";
import { schemas, toReport, validate as validateDocument, type CohesionDocument, type DocumentKind, type ValidationProblem, type ValidationReport, describeThrown } from "@cohesion/schema";
import corePackage from "../package.json" with { type: "json" };
import { createBehaviour } from "./behaviour";
import { createHostCatalog, type HostCatalog } from "./catalog";
import { openContentCache } from "./content-cache";
import { coreInstallRoot, discoverPlugins, splitPluginPath } from "./discovery";
import { locatePointers, type TextPosition } from "./json-positions";
import { checkEngine, readPluginPackage } from "./manifest";
import { contributionKey, loadPluginContent, loadSchemaExtensions, type ContributionIndex, type LoadedDocument } from "./plugin-content";
import { checkRefusedContent } from "./refused-content";
import { newPluginRecord, toPluginInfo, type PluginRecord } from "./plugin-record";
import { hostProblem } from "./problems";
import { extendSchema, type DocumentValidator } from "./schema-extensions";
import type { ExtensionPoint } from "./extension-point";
import type { DeclaredContribution, DocumentOrigin, HostOptions, PluginInfo } from "./types";

/**
 * The id of the built-in plugin through which the built-in scales and each extension point's built-in
 * contributions are registered.
 *
 * @example
 * ```ts
 * createHost({ points: [scoringModelsPoint] }).plugin(BUILTIN_PLUGIN_ID)?.contributions["scoringModels"]; // ["cohesion.weighted-mean", ...]
 * ```
 */
export const BUILTIN_PLUGIN_ID = "cohesion";

/**
 * The plugin host: finds plugins, loads their content as data, activates their code on first use,
 * and answers catalog queries over everything loaded.
 *
 * @example
 * ```ts
 * const host = createHost({ points: [scoringModelsPoint] });
 * const model = await host.contribution(scoringModelsPoint, "cohesion.weighted-mean");
 * console.log(host.report().valid, host.listPlugins().map((p) => `${p.id}: ${p.status}`));
 * ```
 */
export interface Host {
  /** The version plugins' engines.cohesion ranges are checked against. */
  readonly coreVersion: string;
  /**
   * Loads the plugin in a folder (or at a package.json path); a folder already loaded is not loaded twice.
   * Never throws. `trusted`: the plugin ships with the program using the host (as the `cohesion` command's
   * own adapters do), so its code is not timed by the watchdog: a long synchronous call of it (a large
   * export) is work, not a plugin stuck in a loop.
   */
  addPlugin(path: string, options?: { readonly trusted?: boolean }): PluginInfo;
  /** Every plugin found, the built-in one first, with its status and problems. */
  listPlugins(): PluginInfo[];
  /** The plugin with this id: the loaded one, or else the first refused one that declared it. */
  plugin(id: string): PluginInfo | undefined;
  /** Every problem found so far: plugin manifests, content, activation, and cross-document integrity. */
  report(): ValidationReport;
  catalog(): HostCatalog;
  /** Every content document loaded from plugins. */
  documents(): readonly CohesionDocument[];
  /** Which plugin and file a loaded document came from. */
  origin(id: string, kind?: DocumentKind): DocumentOrigin | undefined;
  /** The core schema of a kind merged with every loaded plugin's extensions of it. */
  schemaFor(kind: DocumentKind): Record<string, unknown>;
  /** Validates a document against its kind's schema merged with every loaded plugin's extensions. */
  validate(document: unknown): ValidationReport;
  /** The names of the extension points this host was created with. */
  points(): string[];
  /** The contributions declared to a point (built-in ones first), known before any plugin code runs. */
  declared(point: string | ExtensionPoint<{ id: string }>): DeclaredContribution[];
  /** The contribution with this id, activating the plugin that declares it on first use; undefined when none. */
  contribution<T extends { readonly id: string }>(point: ExtensionPoint<T>, id: string): Promise<T | undefined>;
  /** The contributions registered to a point so far (built-in and from activated plugins). */
  contributions<T extends { readonly id: string }>(point: ExtensionPoint<T>): T[];
  /** Disposes every registration and deactivates every active plugin. */
  dispose(): Promise<void>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Creates a plugin host. Unless `discover` is false it loads every plugin installed in a `node_modules`
 * from `cwd` upwards, in `searchPaths`, in the `node_modules` trees that hold @cohesion/core itself (or
 * `installRoots`), and in the folders of `COHESION_PLUGIN_PATH` (or `pluginPath`); more can be added with
 * `addPlugin`. The built-in scales and the built-in contributions of each extension point in `points` are
 * registered as the built-in plugin `cohesion`. Never throws for a bad plugin:
 * problems are in `report()` and `listPlugins()`.
 *
 * @example
 * ```ts
 * import { createHost } from "@cohesion/core";
 * const host = createHost({ cwd: process.cwd() });
 * host.addPlugin("./plugins/acme");
 * const practices = host.catalog().searchPractices("participation");
 * ```
 */
export function createHost(options: HostOptions = {}): Host {
  const coreVersion = options.coreVersion ?? corePackage.version;
  const cwd = resolve(options.cwd ?? process.cwd());
  const records: PluginRecord[] = [];
  const byRealPath = new Map<string, PluginRecord>();
  const byId = new Map<string, PluginRecord>();
  const contributionIndex: ContributionIndex = new Map();
  const loaded: LoadedDocument[] = [];
  const patchesByKind = new Map<DocumentKind, unknown[]>();
  const mergedByKind = new Map<DocumentKind, { schema: Record<string, unknown>; validate?: DocumentValidator }>();
  let catalog: HostCatalog | undefined;
  // Cross-document problems, kept until the set of documents changes.
  let integrity: ValidationProblem[] | undefined;
  let disposed = false;
  const cache = options.content === false || options.contentCache === undefined || options.contentCache === "" ? undefined : openContentCache(resolve(cwd, options.contentCache));
  const behaviour = createBehaviour(options.points ?? [], {
    ...(options.activationTimeoutMs === undefined ? {} : { activationTimeoutMs: options.activationTimeoutMs }),
    ...(options.onPluginStuck === undefined ? {} : { onPluginStuck: options.onPluginStuck }),
  });

  const builtin = newPluginRecord(BUILTIN_PLUGIN_ID, "", "");
  builtin.builtin = true;
  builtin.status = "active";
  builtin.packageName = corePackage.name;
  builtin.version = corePackage.version;
  records.push(builtin);
  byId.set(BUILTIN_PLUGIN_ID, builtin);
  behaviour.addBuiltins(builtin);
  for (const scale of BUILTIN_SCALES) {
    contributionIndex.set(contributionKey("scale", scale as unknown as Record<string, unknown>), { plugin: BUILTIN_PLUGIN_ID, file: "", pointer: "" });
    (builtin.documents.scale ??= []).push(scale.id);
  }
  const loadRecord = (record: PluginRecord): void => {
    const pkg = readPluginPackage(record.root);
    if (pkg.packageName !== undefined) record.packageName = pkg.packageName;
    if (pkg.version !== undefined) record.version = pkg.version;
    record.id = pkg.manifest?.id ?? pkg.declaredId ?? pkg.packageName ?? record.root;
    record.problems.push(...pkg.problems);
    const manifest = pkg.manifest;
    if (!manifest) {
      // The plugin is refused, but its content files are still checked, so an author sees every problem at once.
      checkRefusedContent(record, pkg.declaredContributes, pkg.declaredSchemaVersion);
      record.documents = {};
      return;
    }
    const engine = checkEngine(record.id, manifest.engines.cohesion, coreVersion, record.packageFile);
    if (engine.length > 0) {
      record.problems.push(...engine);
      return;
    }
    const holder = byId.get(record.id);
    if (holder) {
      record.problems.push({
        ...hostProblem("duplicate_plugin", "/cohesion/id", { plugin: record.id, firstPath: holder.builtin ? "@cohesion/core" : holder.root, secondPath: record.root }),
        file: record.packageFile,
      });
      return;
    }
    byId.set(record.id, record);
    record.manifest = manifest;
    const { validators, patches, refused } = loadSchemaExtensions(record, manifest);
    // An extension that cannot be used refuses the plugin whole: its content and behaviour stay out too.
    if (refused) return;
    behaviour.declare(record);
    for (const [kind, list] of patches) {
      patchesByKind.set(kind, [...(patchesByKind.get(kind) ?? []), ...list]);
      mergedByKind.delete(kind);
    }
    if (options.content !== false) loaded.push(...loadPluginContent(record, manifest, validators, contributionIndex, cache && { store: cache, extensions: JSON.stringify([...patches]) }));
    record.status = "loaded";
  };

  const addFolder = (path: string, trusted = false): PluginRecord => {
    const absolute = resolve(cwd, path);
    let folder = absolute;
    try {
      if (basename(absolute) === "package.json" && statSync(absolute).isFile()) folder = dirname(absolute);
      folder = realpathSync(folder);
    } catch {
      const missing = byRealPath.get(absolute);
      if (missing) return missing;
      const record = newPluginRecord(absolute, absolute, resolve(absolute, "package.json"));
      record.problems.push({ ...hostProblem("plugin_not_found", "", { path: absolute }), file: record.packageFile });
      byRealPath.set(absolute, record);
      records.push(record);
      return record;
    }
    const existing = byRealPath.get(folder);
    if (existing) return existing;
    const record = newPluginRecord(folder, folder, resolve(folder, "package.json"));
    record.trusted = trusted;
    byRealPath.set(folder, record);
    records.push(record);
    catalog = undefined;
    integrity = undefined;
    try {
      loadRecord(record);
    } catch (error) {
      // A guard for the unforeseen: a bad plugin must never take the host down.
      record.status = "refused";
      record.problems.push({ ...hostProblem("plugin_load_failed", "", { path: folder, reason: describeThrown(error) }), file: record.packageFile });
    }
    cache?.save();
    return record;
  };

  const documentProblemsFromIntegrity = (): ValidationProblem[] => {
    if (loaded.length === 0) return [];
    const byDocumentId = new Map(loaded.map((entry) => [(entry.document as { id?: string }).id, entry.origin]));
    let report: ValidationReport;
    try {
      report = checkIntegrity(loaded.map((entry) => entry.document));
    } catch (error) {
      return [hostProblem("plugin_load_failed", "", { path: "(all plugins)", reason: `cross-document checks failed: ${describeThrown(error)}` })];
    }
    return report.errors.map((problem) => {
      const origin = byDocumentId.get(String(problem.params["documentId"]));
      return origin ? { ...problem, pointer: `${origin.pointer}${problem.pointer}`, file: origin.file } : problem;
    });
  };

  // The host-wide schema of a kind: the core one merged with every loaded plugin's patches, compiled once.
  const hostSchema = (kind: DocumentKind): { schema: Record<string, unknown>; validate?: DocumentValidator } => {
    const patches = patchesByKind.get(kind);
    const core = { schema: schemas[kind] as Record<string, unknown> };
    if (patches === undefined || patches.length === 0) return core;
    let merged = mergedByKind.get(kind);
    if (merged === undefined) {
      const result = extendSchema(kind, patches, "plugins");
      merged = result.ok ? { schema: result.schema, validate: result.validate } : core;
      mergedByKind.set(kind, merged);
    }
    return merged;
  };

  // Problems name their file and pointer; the line is added when they are read, from each file's text once.
  const locators = new Map<string, ((pointer: string) => TextPosition | undefined) | undefined>();
  const withLines = (problems: ValidationProblem[]): ValidationProblem[] => {
    problems.forEach((problem, index) => {
      const file = problem.file;
      if (problem.line !== undefined || file === undefined || file === "") return;
      if (!locators.has(file)) {
        let locate: ((pointer: string) => TextPosition | undefined) | undefined;
        try {
          locate = locatePointers(readFileSync(file, "utf8"));
        } catch {
          locate = undefined;
        }
        locators.set(file, locate);
      }
      const position = locators.get(file)?.(problem.pointer);
      if (position) problems[index] = { ...problem, line: position.line };
    });
    return problems;
  };
  const info = (record: PluginRecord): PluginInfo => {
    withLines(record.problems);
    return toPluginInfo(record);
  };

  if (options.discover !== false) {
    const ownRoot = coreInstallRoot();
    const found = discoverPlugins({
      cwd,
      searchPaths: options.searchPaths ?? [],
      installRoots: options.installRoots ?? (ownRoot === undefined ? [] : [ownRoot]),
      pluginPath: options.pluginPath ?? splitPluginPath(process.env["COHESION_PLUGIN_PATH"]),
    });
    for (const folder of found.folders) addFolder(folder);
    for (const path of found.missingPaths) {
      const record = newPluginRecord(path, path, resolve(path, "package.json"));
      record.problems.push(hostProblem("plugin_path_not_found", "", { path }));
      records.push(record);
    }
  }

  return {
    coreVersion,
    addPlugin: (path, options) => info(addFolder(path, options?.trusted === true)),
    listPlugins: () => records.map(info),
    plugin: (id) => {
      // A refused plugin is not in byId (its id may even be taken), but can still be asked about.
      const record = byId.get(id) ?? records.find((candidate) => candidate.id === id);
      return record ? info(record) : undefined;
    },
    report: () => {
      integrity ??= withLines(documentProblemsFromIntegrity());
      return toReport([...records.flatMap((record) => withLines(record.problems)), ...integrity]);
    },
    catalog: () => (catalog ??= createHostCatalog(loaded.map((entry) => entry.document))),
    documents: () => loaded.map((entry) => entry.document),
    origin: (id, kind) => loaded.find((entry) => (entry.document as { id?: string }).id === id && (kind === undefined || entry.document.kind === kind))?.origin,
    schemaFor: (kind) => hostSchema(kind).schema,
    validate: (document) => {
      const kind = isObject(document) ? document["kind"] : undefined;
      const extended = typeof kind === "string" && kind in schemas ? hostSchema(kind as DocumentKind).validate : undefined;
      return extended ? extended(document) : validateDocument(document);
    },
    points: () => behaviour.points(),
    declared: (point) => behaviour.declared(typeof point === "string" ? point : point.name),
    contribution: async <T extends { readonly id: string }>(point: ExtensionPoint<T>, id: string) =>
      (disposed ? undefined : ((await behaviour.contribution(point.name, id)) as T | undefined)),
    contributions: <T extends { readonly id: string }>(point: ExtensionPoint<T>) => behaviour.contributions(point.name) as T[],
    dispose: async () => {
      if (disposed) return;
      disposed = true;
      await behaviour.dispose(records);
    },
  };
}
