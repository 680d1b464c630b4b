import type { DocumentKind, PluginManifest, ValidationProblem } from "@cohesion/schema";
import type { DeclaredContribution, Disposable, PluginInfo, PluginModule, PluginStatus } from "./types";

/**
 * The host's mutable state for one plugin; {@link toPluginInfo} gives the public snapshot.
 *
 * @example
 * ```ts
 * const record: PluginRecord = newPluginRecord("acme", "/p/acme", "/p/acme/package.json");
 * record.status = "loaded";
 * ```
 */
export interface PluginRecord {
  id: string;
  packageName?: string;
  version?: string;
  root: string;
  packageFile: string;
  builtin: boolean;
  /** Added as trusted (`addPlugin(path, { trusted: true })`): its code is not timed by the watchdog. */
  trusted: boolean;
  status: PluginStatus;
  manifest?: PluginManifest;
  problems: ValidationProblem[];
  documents: Partial<Record<DocumentKind, string[]>>;
  /** Declared behaviour contributions, by extension point name. */
  contributions: Map<string, DeclaredContribution[]>;
  mainFile?: string;
  activation?: Promise<void>;
  module?: PluginModule;
  subscriptions: Disposable[];
  registrations: Disposable[];
  /** Ids registered at some point, or already reported as never registered. */
  registeredOnce: Set<string>;
}

/**
 * Creates an empty record for a plugin at a folder.
 *
 * @example
 * ```ts
 * const record = newPluginRecord("acme", "/p/acme", "/p/acme/package.json");
 * ```
 */
export function newPluginRecord(id: string, root: string, packageFile: string): PluginRecord {
  return {
    id,
    root,
    packageFile,
    builtin: false,
    trusted: false,
    status: "refused",
    problems: [],
    documents: {},
    contributions: new Map(),
    subscriptions: [],
    registrations: [],
    registeredOnce: new Set(),
  };
}

/**
 * A read-only snapshot of a plugin record.
 *
 * @example
 * ```ts
 * const info = toPluginInfo(record);
 * info.status; // "loaded"
 * ```
 */
export function toPluginInfo(record: PluginRecord): PluginInfo {
  const documents: Partial<Record<DocumentKind, readonly string[]>> = {};
  for (const [kind, ids] of Object.entries(record.documents) as Array<[DocumentKind, string[]]>) documents[kind] = [...ids];
  return {
    id: record.id,
    ...(record.packageName === undefined ? {} : { packageName: record.packageName }),
    ...(record.version === undefined ? {} : { version: record.version }),
    path: record.root,
    builtin: record.builtin,
    status: record.status,
    documents,
    contributions: Object.fromEntries([...record.contributions].map(([point, list]) => [point, list.map((entry) => entry.id)])),
    problems: [...record.problems],
  };
}
