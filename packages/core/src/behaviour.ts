import { pathToFileURL } from "node:url";
import { BUILTIN_MODELS, createModelRegistry, withCheckedOutput, type AnyScoringModel as ScoringModel } from "@cohesion/scoring";
import { resolveInsidePlugin } from "./plugin-paths";
import type { PluginRecord } from "./plugin-record";
import { hostProblem } from "./problems";
import { ContributionRegistry } from "./registry";
import type { DeclaredContribution, Disposable, PluginAdapter, PluginContext, PluginModule } from "./types";

type BehaviourPoint = "scoringModels" | "adapters";

// Where registered implementations of one behaviour point are kept; `add` answers a handle or why it refused.
interface Slot<T> {
  get(id: string): T | undefined;
  add(value: unknown, plugin: string): Disposable | string;
}

const POINT_NAMES: Record<BehaviourPoint, string> = { scoringModels: "scoring model", adapters: "adapter" };

/** How long a plugin's main module, `activate` or `deactivate` may take before the host gives up on it. */
export const DEFAULT_ACTIVATION_TIMEOUT_MS = 10_000;

/**
 * The promise's outcome, or a rejection naming the step once `ms` have passed. The timer holds the
 * process open while it waits, so a plugin that never settles ends in an error rather than in a
 * process that exits silently half-way.
 */
function settleWithin<T>(promise: Promise<T>, ms: number, step: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${step} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The behaviour half of the host: declared scoring models and adapters, lazy activation of plugin
 * `main` modules, registrations and their disposal.
 *
 * @example
 * ```ts
 * const behaviour = createBehaviour();
 * behaviour.declare(record); // after the manifest passed its checks
 * await behaviour.scoringModel("acme.median"); // imports acme's main on first use
 * ```
 */
export interface Behaviour {
  /** Registers core's built-in scoring models under the built-in plugin's record. */
  addBuiltins(record: PluginRecord): void;
  /** Checks `main` and declares the record's scoring models and adapters; problems go to the record. */
  declare(record: PluginRecord): void;
  declaredScoringModels(): DeclaredContribution[];
  declaredAdapters(): DeclaredContribution[];
  scoringModel(id: string): Promise<ScoringModel | undefined>;
  scoringModels(): ScoringModel[];
  adapter(id: string): Promise<PluginAdapter | undefined>;
  /** Disposes every registration and subscription and deactivates active plugins, last loaded first. */
  dispose(records: readonly PluginRecord[]): Promise<void>;
}

/**
 * Creates the behaviour registry a host uses.
 *
 * @example
 * ```ts
 * const behaviour = createBehaviour();
 * behaviour.scoringModels(); // [] until addBuiltins or a plugin activates
 * ```
 */
export function createBehaviour(options: { activationTimeoutMs?: number } = {}): Behaviour {
  const timeoutMs = options.activationTimeoutMs ?? DEFAULT_ACTIVATION_TIMEOUT_MS;
  let disposed = false;
  const declaredModels = new Map<string, { declaration: DeclaredContribution; record: PluginRecord }>();
  const declaredAdapters = new Map<string, { declaration: DeclaredContribution; record: PluginRecord }>();
  // Scoring models live in @cohesion/scoring's registry, which checks a model's shape on the way in;
  // the same list can then be handed to scoreAssessment.
  const models = createModelRegistry({ builtins: false });
  const adapters = new ContributionRegistry<PluginAdapter>();
  const modelSlot: Slot<ScoringModel> = {
    get: (id) => models.get(id),
    add: (value) => {
      const added = models.register(value);
      return added.ok ? added.report : added.errors.errors.map((problem) => problem.message).join("; ");
    },
  };
  const adapterSlot: Slot<PluginAdapter> = {
    get: (id) => adapters.get(id)?.value,
    add: (value, plugin) => adapters.register((value as PluginAdapter).id, value as PluginAdapter, plugin),
  };
  const declareBehaviour = (record: PluginRecord, point: BehaviourPoint): void => {
    const manifest = record.manifest;
    if (!manifest) return;
    const declared = point === "scoringModels" ? declaredModels : declaredAdapters;
    const list = point === "scoringModels" ? record.scoringModels : record.adapters;
    (manifest.contributes[point] ?? []).forEach((entry, index) => {
      const pointer = `/cohesion/contributes/${point}/${index}/id`;
      const namespaced = entry.id.startsWith(`${record.id}.`);
      if (!namespaced) {
        record.problems.push({ ...hostProblem("id_not_namespaced", pointer, { kind: POINT_NAMES[point], id: entry.id, plugin: record.id }), file: record.packageFile });
      }
      const first = declared.get(entry.id);
      if (first) {
        record.problems.push({
          ...hostProblem("duplicate_contribution", pointer, { kind: POINT_NAMES[point], id: entry.id, firstPlugin: first.record.id, secondPlugin: record.id }),
          file: record.packageFile,
        });
      }
      if (!namespaced || first) return;
      const declaration: DeclaredContribution = {
        id: entry.id,
        title: entry.title,
        plugin: record.id,
        ...("description" in entry && typeof entry.description === "string" ? { description: entry.description } : {}),
      };
      list.push(declaration);
      declared.set(entry.id, { declaration, record });
    });
  };

  const checkMain = (record: PluginRecord): void => {
    const manifest = record.manifest;
    if (!manifest) return;
    const behaviour = (["scoringModels", "adapters"] as const).filter((point) => (manifest.contributes[point] ?? []).length > 0);
    if (manifest.main === undefined) {
      if (behaviour.length > 0) {
        record.problems.push({ ...hostProblem("missing_main", "/cohesion", { plugin: record.id, point: behaviour.join(" and ") }), file: record.packageFile });
      }
      return;
    }
    const resolved = resolveInsidePlugin(record.root, manifest.main);
    if (resolved.ok) record.mainFile = resolved.path;
    else {
      const code = resolved.reason === "outside" ? "main_outside_plugin" : "main_not_found";
      record.problems.push({ ...hostProblem(code, "/cohesion/main", { plugin: record.id, path: manifest.main, resolved: resolved.resolved }), file: record.packageFile });
    }
  };

  const behaviourNames = (record: PluginRecord): string => {
    const names = [record.scoringModels.length > 0 ? "scoring models" : "", record.adapters.length > 0 ? "adapters" : ""].filter(Boolean);
    return names.length > 0 ? names.join(" and ") : "contributions";
  };

  const register = <T>(record: PluginRecord, point: BehaviourPoint, slot: Slot<T>, value: unknown): Disposable => {
    const noop: Disposable = { dispose: () => undefined };
    const pointer = `/cohesion/contributes/${point}`;
    const invalid = (reason: string): Disposable => {
      record.problems.push({ ...hostProblem("invalid_contribution", pointer, { plugin: record.id, point: POINT_NAMES[point], reason }), file: record.packageFile });
      return noop;
    };
    if (disposed) return noop;
    if (!isObject(value)) return invalid("it is not an object");
    if (typeof value["id"] !== "string") return invalid("it has no string id");
    const id = (value as { id: string }).id;
    const declared = (point === "scoringModels" ? record.scoringModels : record.adapters).some((entry) => entry.id === id);
    if (!declared) {
      record.problems.push({ ...hostProblem("undeclared_contribution", pointer, { plugin: record.id, point, id }), file: record.packageFile });
      return noop;
    }
    if (slot.get(id) !== undefined) {
      record.problems.push({ ...hostProblem("already_registered", pointer, { plugin: record.id, point: POINT_NAMES[point], id }), file: record.packageFile });
      return noop;
    }
    const registration = slot.add(value, record.id);
    if (typeof registration === "string") return invalid(registration);
    record.registrations.push(registration);
    // Once registered, a later absence means the plugin disposed it on purpose: nothing to report.
    record.registeredOnce.add(id);
    return registration;
  };

  const contextFor = (record: PluginRecord): PluginContext => ({
    pluginId: record.id,
    pluginPath: record.root,
    subscriptions: record.subscriptions,
    // A plugin model's every report is checked against score-report.schema.json (model_output_invalid),
    // wherever the host hands it out; built-in models (addBuiltins) are tested against the schema instead.
    registerScoringModel: (model) => register(record, "scoringModels", modelSlot, isObject(model) ? withCheckedOutput(model as unknown as ScoringModel) : model),
    registerAdapter: (adapter) => register(record, "adapters", adapterSlot, adapter),
  });

  const activate = (record: PluginRecord): Promise<void> => {
    record.activation ??= (async () => {
      const fail = (reason: string): void => {
        record.status = "failed";
        record.problems.push({ ...hostProblem("activation_failed", "/cohesion/main", { plugin: record.id, point: behaviourNames(record), reason }), file: record.packageFile });
      };
      if (record.mainFile === undefined) return fail("it has no usable main module");
      try {
        const mainUrl = pathToFileURL(record.mainFile).href;
        const loadedModule = (await settleWithin(import(/* @vite-ignore */ mainUrl), timeoutMs, "loading its main module")) as Record<string, unknown>;
        const candidate = typeof loadedModule["activate"] === "function" ? loadedModule : loadedModule["default"];
        if (!isObject(candidate) || typeof candidate["activate"] !== "function") return fail("its main module exports no activate function");
        const pluginModule = candidate as unknown as PluginModule;
        record.module = pluginModule;
        await settleWithin(Promise.resolve().then(() => pluginModule.activate(contextFor(record))), timeoutMs, "activate");
        record.status = disposed ? "deactivated" : "active";
      } catch (error) {
        fail(reasonOf(error));
      }
    })();
    return record.activation;
  };

  const lookup = async <T>(
    id: string,
    point: BehaviourPoint,
    slot: Slot<T>,
    declared: Map<string, { declaration: DeclaredContribution; record: PluginRecord }>,
  ): Promise<T | undefined> => {
    const found = slot.get(id);
    if (found !== undefined) return found;
    const declaration = declared.get(id);
    if (!declaration || disposed) return undefined;
    const { record } = declaration;
    if (record.status === "loaded") await activate(record);
    const registered = slot.get(id);
    if (registered !== undefined) return registered;
    if (record.status === "active" && !record.registeredOnce.has(id)) {
      record.registeredOnce.add(id);
      record.problems.push({ ...hostProblem("contribution_not_registered", `/cohesion/contributes/${point}`, { plugin: record.id, point: POINT_NAMES[point], id }), file: record.packageFile });
    }
    return undefined;
  };

  return {
    addBuiltins: (builtin) => {
    for (const model of BUILTIN_MODELS) {
      const declaration: DeclaredContribution = { id: model.id, title: model.title, plugin: builtin.id };
      builtin.scoringModels.push(declaration);
      declaredModels.set(model.id, { declaration, record: builtin });
      const added = modelSlot.add(model, builtin.id);
      if (typeof added !== "string") builtin.registrations.push(added);
    }
    },
    declare: (record) => {
      checkMain(record);
      declareBehaviour(record, "scoringModels");
      declareBehaviour(record, "adapters");
    },
    declaredScoringModels: () => [...declaredModels.values()].map((entry) => entry.declaration),
    declaredAdapters: () => [...declaredAdapters.values()].map((entry) => entry.declaration),
    scoringModel: (id) => lookup(id, "scoringModels", modelSlot, declaredModels),
    scoringModels: () => models.list(),
    adapter: (id) => lookup(id, "adapters", adapterSlot, declaredAdapters),
    dispose: async (records) => {
      if (disposed) return;
      disposed = true;
      for (const record of [...records].reverse()) {
        for (const disposable of [...record.subscriptions, ...record.registrations].reverse()) {
          try {
            disposable.dispose();
          } catch (error) {
            record.problems.push({ ...hostProblem("deactivation_failed", "", { plugin: record.id, reason: reasonOf(error) }), file: record.packageFile });
          }
        }
        record.subscriptions.length = 0;
        record.registrations.length = 0;
        if (record.status !== "active") continue;
        try {
          await settleWithin(Promise.resolve().then(() => record.module?.deactivate?.()), timeoutMs, "deactivate");
        } catch (error) {
          record.problems.push({ ...hostProblem("deactivation_failed", "", { plugin: record.id, reason: reasonOf(error) }), file: record.packageFile });
        }
        record.status = "deactivated";
      }
    },
  };
}
