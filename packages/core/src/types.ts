import type { DocumentKind, ValidationProblem } from "@cohesion/schema";
import type { AnyExtensionPoint } from "./extension-point";

/**
 * Something that can be released: a registration, a subscription.
 *
 * @example
 * ```ts
 * const registration: Disposable = context.register("scoringModels", model);
 * registration.dispose(); // the model is no longer available
 * ```
 */
export interface Disposable {
  dispose(): void;
}

/**
 * What a plugin's `activate` receives. `register` adds a contribution to an extension point (named, or the
 * point object itself); it accepts exactly the ids the plugin declared under `cohesion.contributes[point]`
 * (anything else is refused with `undeclared_contribution`), and the point's own check decides whether the
 * value is acceptable (`invalid_contribution` otherwise).
 *
 * @example
 * ```ts
 * export function activate(context: PluginContext) {
 *   context.subscriptions.push(context.register("scoringModels", medianModel));
 * }
 * ```
 */
export interface PluginContext {
  /** The plugin's id from its manifest. */
  readonly pluginId: string;
  /** The plugin package's folder (a real path). */
  readonly pluginPath: string;
  /** Disposables released when the plugin is deactivated (when the host is disposed). */
  readonly subscriptions: Disposable[];
  register(point: string | AnyExtensionPoint, contribution: unknown): Disposable;
}

/**
 * The module a plugin's `main` points to.
 *
 * @example
 * ```ts
 * const module: PluginModule = { activate(context) { context.register("adapters", csvAdapter); } };
 * ```
 */
export interface PluginModule {
  activate(context: PluginContext): void | Promise<void>;
  deactivate?(): void | Promise<void>;
}

/**
 * Where a plugin stands: `refused` (bad manifest, engine mismatch, duplicate id: nothing loaded), `loaded`
 * (content loaded, code not run), `active` (main imported and activated), `failed` (activation failed),
 * `deactivated` (the host was disposed).
 *
 * @example
 * ```ts
 * host.listPlugins().filter((plugin) => plugin.status === "refused");
 * ```
 */
export type PluginStatus = "refused" | "loaded" | "active" | "failed" | "deactivated";

/**
 * A declared behaviour contribution, known before any plugin code runs.
 *
 * @example
 * ```ts
 * host.declared("scoringModels"); // [{ id: "acme.median", title: "Median", plugin: "acme" }, ...]
 * ```
 */
export interface DeclaredContribution {
  readonly id: string;
  readonly title: string;
  readonly plugin: string;
  readonly description?: string;
}

/**
 * One plugin as the host sees it.
 *
 * @example
 * ```ts
 * const [first] = host.listPlugins();
 * console.log(first?.id, first?.status, first?.problems.length);
 * ```
 */
export interface PluginInfo {
  /** The manifest id; for a plugin whose manifest has no usable id, its package name or folder. */
  readonly id: string;
  readonly packageName?: string;
  readonly version?: string;
  /** Real path of the plugin folder; empty for the built-in plugin. */
  readonly path: string;
  readonly builtin: boolean;
  readonly status: PluginStatus;
  /** Ids of the documents loaded from this plugin, by kind. */
  readonly documents: Readonly<Partial<Record<DocumentKind, readonly string[]>>>;
  /** Ids of the behaviour contributions it declares, by extension point name (only points the host knows). */
  readonly contributions: Readonly<Record<string, readonly string[]>>;
  readonly problems: readonly ValidationProblem[];
}

/**
 * Where a loaded document came from.
 *
 * @example
 * ```ts
 * host.origin("acme.riverside-gardens"); // { plugin: "acme", file: "/.../content/practices.json", pointer: "/0" }
 * ```
 */
export interface DocumentOrigin {
  readonly plugin: string;
  readonly file: string;
  /** Pointer of the document inside its file: "" for a single document, "/3" for the fourth of an array. */
  readonly pointer: string;
}

/**
 * Options of {@link createHost}.
 *
 * @example
 * ```ts
 * createHost({ cwd: process.cwd(), searchPaths: ["./plugins"] });
 * ```
 */
export interface HostOptions {
  /** The version checked against each plugin's engines.cohesion; defaults to this package's version. */
  readonly coreVersion?: string;
  /** Where discovery of installed plugins starts; defaults to process.cwd(). */
  readonly cwd?: string;
  /** More folders laid out like node_modules to look for plugins in. */
  readonly searchPaths?: readonly string[];
  /**
   * The extension points behaviour plugins may contribute to, each declared by the package that owns it
   * (for example `scoringModelsPoint` from @cohesion/scoring, `adaptersPoint` from @cohesion/adapter-kit).
   * Contributions to a point the host was not given are ignored. Default: none.
   */
  readonly points?: readonly AnyExtensionPoint[];
  /** Whether to look for installed plugins at all (default true); explicit paths still load. */
  readonly discover?: boolean;
  /**
   * Whether to read the plugins' content documents (default true). A host that only validates documents
   * (a worker thread checking a stream beside a full host) passes false: manifests, schema extensions and
   * declared contributions load as usual, and `documents()` and the catalog are empty.
   */
  readonly content?: boolean;
  /**
   * A folder where the host remembers, between runs, the content files whose documents all passed schema
   * validation with no problem (by a SHA-256 of the file's text, the plugin's schema extensions and the
   * build of the validators), so that unchanged installed content is not validated again on the next start.
   * Nothing is remembered about a file with any problem: it is checked and reported every time. Ids and
   * duplicates across plugins are always checked. Default: none (every file validated on every start).
   */
  readonly contentCache?: string;
  /**
   * How long (ms) a plugin's main module may take to load, and its `activate` or `deactivate` to settle,
   * before the plugin is marked failed with `activation_failed` (or `deactivation_failed`); default 10,000.
   * It is also how long one call of plugin code (a module's top-level code, `activate`, `deactivate`, a
   * function of a registered contribution) may run before the plugin counts as stuck: see `onPluginStuck`.
   * A limit over 2^31 − 1 ms (about 24.8 days; `Infinity` too) counts as that, the longest a timer holds;
   * anything but a positive number gives the default.
   */
  readonly activationTimeoutMs?: number;
  /**
   * Says that plugin code is stuck, and answers the exit code to end the process with. Code stuck in a
   * synchronous endless loop (`while (true) {}`) blocks the main thread: no timer fires and no promise
   * settles again, so the host cannot give up on it as on a promise that never settles. A watchdog thread,
   * started when the first plugin main module is loaded, notices a call of plugin code running longer than
   * `activationTimeoutMs`; this function is then called on the main thread, on top of the stuck code (which
   * cannot be resumed or unwound), with the `plugin_stuck` problem naming the plugin and what it was doing.
   * Write what the user must know synchronously (the process ends right after, so a buffered stream could
   * lose it) and return the exit code (0–255). The process ends whatever it does: a handler that throws
   * gets the default report, one that answers anything else the default code. Default: the message on
   * standard error and `PLUGIN_STUCK_EXIT_CODE` (70). Not available to a host in a worker thread.
   */
  readonly onPluginStuck?: (problem: ValidationProblem) => number;
  /**
   * Folders of installed programs whose `node_modules` trees are searched too, from each folder up to the
   * file-system root; defaults to the folder @cohesion/core itself is installed in, so plugins installed
   * beside it (globally included) are found from any working folder. A command line passes its own folder.
   */
  readonly installRoots?: readonly string[];
  /**
   * Folders to load plugins from, each a plugin, a folder of plugins or a folder with a `node_modules` of
   * plugins; defaults to the `COHESION_PLUGIN_PATH` environment variable split on the path delimiter
   * (`:`, or `;` on Windows). An entry that is not a folder is reported as a refused plugin.
   */
  readonly pluginPath?: readonly string[];
}
