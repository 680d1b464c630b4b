import { pathToFileURL } from "node:url";
import type { AnyExtensionPoint } from "./extension-point";
import { guardContribution } from "./guard-contribution";
import { resolveInsidePlugin } from "./plugin-paths";
import type { PluginRecord } from "./plugin-record";
import { hostProblem } from "./problems";
import { ContributionRegistry } from "./registry";
import { PLUGIN_STUCK_EXIT_CODE, reportStuckPlugin, stuckProblem } from "./stuck-plugin";
import type { DeclaredContribution, Disposable, PluginContext, PluginModule } from "./types";
import { startWatchdog, type PluginStep, type Watchdog } from "./watchdog";
import { describeThrown, type ValidationProblem } from "@cohesion/schema";

/**
 * How long a plugin's main module, `activate` or `deactivate` may take before the host gives up on it, and
 * how long one call of plugin code may run before the host ends the process as stuck.
 */
export const DEFAULT_ACTIVATION_TIMEOUT_MS = 10_000;

// Node's timers hold 32 bits: a longer delay fires at once (with a warning), so a longer limit (Infinity
// included) is capped to the longest one, about 24.8 days, as good as none.
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** The plugin time limit a host uses: the option when it is a positive number (capped to what a timer holds), else the default. */
function activationLimit(given: number | undefined): number {
  return typeof given === "number" && given > 0 ? Math.min(given, LONGEST_TIMER_MS) : DEFAULT_ACTIVATION_TIMEOUT_MS;
}

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

// The code to end the process with once plugin code is stuck: what `onPluginStuck` answers when it is an
// exit code (0–255). The process ends whatever happens, so a handler that throws gets the default report
// (it may have said nothing), and one that answers anything else the default code.
function stuckExitCode(onPluginStuck: ((problem: ValidationProblem) => number) | undefined, problem: ValidationProblem): number {
  if (typeof onPluginStuck !== "function") return reportStuckPlugin(problem);
  let code: unknown;
  try {
    code = onPluginStuck(problem);
  } catch {
    return reportStuckPlugin(problem);
  }
  return Number.isInteger(code) && (code as number) >= 0 && (code as number) <= 255 ? (code as number) : PLUGIN_STUCK_EXIT_CODE;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

type Declared = Map<string, { declaration: DeclaredContribution; record: PluginRecord }>;

// One extension point as the host keeps it: what plugins declared, and what was registered.
interface PointState {
  readonly point: AnyExtensionPoint;
  readonly declared: Declared;
  readonly registry: ContributionRegistry<{ id: string }>;
}

/**
 * The behaviour half of the host: the extension points it was given, the contributions plugins declare to
 * them, lazy activation of plugin `main` modules, registrations and their disposal.
 *
 * @example
 * ```ts
 * const behaviour = createBehaviour([scoringModelsPoint]);
 * behaviour.declare(record); // after the manifest passed its checks
 * await behaviour.contribution("scoringModels", "acme.median"); // imports acme's main on first use
 * ```
 */
export interface Behaviour {
  /** Registers each point's built-in contributions under the built-in plugin's record. */
  addBuiltins(record: PluginRecord): void;
  /** Checks `main` and declares the record's contributions to every known point; problems go to the record. */
  declare(record: PluginRecord): void;
  /** The names of the known points, in the order given. */
  points(): string[];
  declared(point: string): DeclaredContribution[];
  contribution(point: string, id: string): Promise<unknown>;
  contributions(point: string): unknown[];
  /** Disposes every registration and subscription and deactivates active plugins, last loaded first. */
  dispose(records: readonly PluginRecord[]): Promise<void>;
}

/**
 * Creates the behaviour registry a host uses, for the given extension points (later duplicates of a name are ignored).
 *
 * @example
 * ```ts
 * const behaviour = createBehaviour([]);
 * behaviour.points(); // []
 * ```
 */
export function createBehaviour(
  points: readonly AnyExtensionPoint[],
  options: { activationTimeoutMs?: number; onPluginStuck?: (problem: ValidationProblem) => number } = {},
): Behaviour {
  const timeoutMs = activationLimit(options.activationTimeoutMs);
  let disposed = false;
  // Started with the first plugin main module loaded: the built-in and content-only plugins run no plugin
  // code, and a command that loads none must not pay for a thread.
  let watchdog: Watchdog | undefined;
  let watchdogTried = false;
  // The watchdog that times a plugin's code: none for a trusted plugin, whose long calls are work.
  const watchdogOf = (record: PluginRecord): Watchdog | undefined => (record.trusted ? undefined : watchdog);
  const states = new Map<string, PointState>();
  for (const point of points) {
    if (!states.has(point.name)) states.set(point.name, { point, declared: new Map(), registry: new ContributionRegistry() });
  }
  const declaredList = (record: PluginRecord, name: string): DeclaredContribution[] => {
    let list = record.contributions.get(name);
    if (!list) record.contributions.set(name, (list = []));
    return list;
  };

  const declareBehaviour = (record: PluginRecord, state: PointState): void => {
    const manifest = record.manifest;
    if (!manifest) return;
    const { point, declared } = state;
    const entries = (manifest.contributes as Record<string, unknown>)[point.name];
    if (!Array.isArray(entries)) return;
    entries.forEach((entry: { id: string; title: string; description?: unknown }, index) => {
      const pointer = `/cohesion/contributes/${point.name}/${index}/id`;
      const namespaced = entry.id.startsWith(`${record.id}.`);
      if (!namespaced) {
        record.problems.push({ ...hostProblem("id_not_namespaced", pointer, { kind: point.label, id: entry.id, plugin: record.id }), file: record.packageFile });
      }
      const first = declared.get(entry.id);
      if (first) {
        record.problems.push({
          ...hostProblem("duplicate_contribution", pointer, { kind: point.label, id: entry.id, firstPlugin: first.record.id, secondPlugin: record.id }),
          file: record.packageFile,
        });
      }
      if (!namespaced || first) return;
      const declaration: DeclaredContribution = {
        id: entry.id,
        title: entry.title,
        plugin: record.id,
        ...(typeof entry.description === "string" ? { description: entry.description } : {}),
      };
      declaredList(record, point.name).push(declaration);
      declared.set(entry.id, { declaration, record });
    });
  };

  const checkMain = (record: PluginRecord): void => {
    const manifest = record.manifest;
    if (!manifest) return;
    const contributes = manifest.contributes as Record<string, unknown>;
    const behaviour = [...states.keys()].filter((name) => Array.isArray(contributes[name]) && (contributes[name] as unknown[]).length > 0);
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
    const names = [...record.contributions].filter(([, list]) => list.length > 0).map(([name]) => name);
    return names.length > 0 ? names.join(" and ") : "contributions";
  };

  const register = (record: PluginRecord, name: string, value: unknown): Disposable => {
    const noop: Disposable = { dispose: () => undefined };
    const state = states.get(name);
    const pointer = `/cohesion/contributes/${name}`;
    if (!state) {
      record.problems.push({ ...hostProblem("unknown_extension_point", pointer, { plugin: record.id, point: name, known: [...states.keys()].join(", ") || "none" }), file: record.packageFile });
      return noop;
    }
    const { point, registry } = state;
    const invalid = (reason: string): Disposable => {
      record.problems.push({ ...hostProblem("invalid_contribution", pointer, { plugin: record.id, point: point.label, reason }), file: record.packageFile });
      return noop;
    };
    if (disposed) return noop;
    if (!isObject(value)) return invalid("it is not an object");
    if (typeof value["id"] !== "string") return invalid("it has no string id");
    const id = value["id"];
    const declared = (record.contributions.get(name) ?? []).some((entry) => entry.id === id);
    if (!declared) {
      record.problems.push({ ...hostProblem("undeclared_contribution", pointer, { plugin: record.id, point: name, id }), file: record.packageFile });
      return noop;
    }
    if (registry.has(id)) {
      record.problems.push({ ...hostProblem("already_registered", pointer, { plugin: record.id, point: point.label, id }), file: record.packageFile });
      return noop;
    }
    let checked;
    try {
      checked = point.check(value);
    } catch (error) {
      return invalid(describeThrown(error));
    }
    if (!checked.ok) return invalid(checked.reason);
    const timing = watchdogOf(record);
    const handedOut = timing && isObject(checked.value) ? guardContribution(checked.value, timing, (name) => stepOf(record, `${String(name)}() of its ${point.label} "${id}"`)) : checked.value;
    const registration = registry.register(id, handedOut as { id: string }, record.id);
    record.registrations.push(registration);
    // Once registered, a later absence means the plugin disposed it on purpose: nothing to report.
    record.registeredOnce.add(id);
    return registration;
  };

  const stuck =
    (record: PluginRecord) =>
    (step: PluginStep): number => {
      const problem = stuckProblem(record, step);
      record.status = "failed";
      record.problems.push(problem);
      return stuckExitCode(options.onPluginStuck, problem);
    };
  const stepOf = (record: PluginRecord, step: string): PluginStep => ({ plugin: record.id, root: record.root, step, limitMs: timeoutMs, stuck: stuck(record) });

  // settleWithin, with the step counted as pending by the watchdog meanwhile: the plugin's code may be
  // stuck in a loop while it is pending (a module's top-level code, the rest of an async activate).
  const settle = <T>(record: PluginRecord, promise: Promise<T>, step: string): Promise<T> => {
    const settled = settleWithin(promise, timeoutMs, step);
    const timing = watchdogOf(record);
    return timing ? timing.pending(stepOf(record, step), settled) : settled;
  };
  // Calls a plugin module's function in a microtask, its synchronous part timed by the watchdog.
  const callPlugin = (record: PluginRecord, step: string, fn: (...args: never[]) => unknown, self: unknown, args: readonly unknown[]): Promise<unknown> => {
    const timing = watchdogOf(record);
    const timed = timing ? stepOf(record, step) : undefined;
    return Promise.resolve().then(() => (timing && timed ? timing.call(timed, fn, self, args) : Reflect.apply(fn, self, args)));
  };

  const contextFor = (record: PluginRecord): PluginContext => ({
    pluginId: record.id,
    pluginPath: record.root,
    subscriptions: record.subscriptions,
    register: (point, contribution) => register(record, typeof point === "string" ? point : isObject(point) ? String(point["name"]) : String(point), contribution),
  });

  const activate = (record: PluginRecord): Promise<void> => {
    record.activation ??= (async () => {
      const fail = (reason: string): void => {
        record.status = "failed";
        record.problems.push({ ...hostProblem("activation_failed", "/cohesion/main", { plugin: record.id, point: behaviourNames(record), reason }), file: record.packageFile });
      };
      if (record.mainFile === undefined) return fail("it has no usable main module");
      // The watchdog thread starts with the first plugin whose code it is to time.
      if (!watchdogTried && !record.trusted) {
        watchdogTried = true;
        watchdog = startWatchdog();
      }
      try {
        const mainUrl = pathToFileURL(record.mainFile).href;
        const loadedModule = (await settle(record, import(/* @vite-ignore */ mainUrl), "loading its main module")) as Record<string, unknown>;
        const candidate = typeof loadedModule["activate"] === "function" ? loadedModule : loadedModule["default"];
        if (!isObject(candidate) || typeof candidate["activate"] !== "function") return fail("its main module exports no activate function");
        const pluginModule = candidate as unknown as PluginModule;
        record.module = pluginModule;
        await settle(record, callPlugin(record, "activate", pluginModule.activate, pluginModule, [contextFor(record)]), "activate");
        record.status = disposed ? "deactivated" : "active";
      } catch (error) {
        fail(describeThrown(error));
      }
    })();
    return record.activation;
  };

  const lookup = async (name: string, id: string): Promise<unknown> => {
    const state = states.get(name);
    if (!state) return undefined;
    const found = state.registry.get(id)?.value;
    if (found !== undefined) return found;
    const declaration = state.declared.get(id);
    if (!declaration || disposed) return undefined;
    const { record } = declaration;
    if (record.status === "loaded") await activate(record);
    const registered = state.registry.get(id)?.value;
    if (registered !== undefined) return registered;
    if (record.status === "active" && !record.registeredOnce.has(id)) {
      record.registeredOnce.add(id);
      record.problems.push({ ...hostProblem("contribution_not_registered", `/cohesion/contributes/${name}`, { plugin: record.id, point: state.point.label, id }), file: record.packageFile });
    }
    return undefined;
  };

  return {
    addBuiltins: (builtin) => {
      for (const { point, declared, registry } of states.values()) {
        for (const contribution of point.builtins ?? []) {
          if (declared.has(contribution.id)) continue;
          const declaration: DeclaredContribution = {
            id: contribution.id,
            title: contribution.title,
            plugin: builtin.id,
            ...(typeof contribution.description === "string" ? { description: contribution.description } : {}),
          };
          declaredList(builtin, point.name).push(declaration);
          declared.set(contribution.id, { declaration, record: builtin });
          builtin.registrations.push(registry.register(contribution.id, contribution, builtin.id));
        }
      }
    },
    declare: (record) => {
      checkMain(record);
      for (const state of states.values()) declareBehaviour(record, state);
    },
    points: () => [...states.keys()],
    declared: (name) => [...(states.get(name)?.declared.values() ?? [])].map((entry) => entry.declaration),
    contribution: (name, id) => lookup(name, id),
    contributions: (name) => {
      const state = states.get(name);
      return state ? state.registry.ids().map((id) => state.registry.get(id)?.value) : [];
    },
    dispose: async (records) => {
      if (disposed) return;
      disposed = true;
      for (const record of [...records].reverse()) {
        // A subscription's dispose is the plugin's code, timed like the rest of it.
        const timing = record.builtin ? undefined : watchdogOf(record);
        const disposing = timing ? { watchdog: timing, step: stepOf(record, "dispose() of one of its subscriptions") } : undefined;
        for (const disposable of [...record.subscriptions, ...record.registrations].reverse()) {
          try {
            if (disposing) disposing.watchdog.call(disposing.step, disposable.dispose, disposable, []);
            else disposable.dispose();
          } catch (error) {
            record.problems.push({ ...hostProblem("deactivation_failed", "", { plugin: record.id, reason: describeThrown(error) }), file: record.packageFile });
          }
        }
        record.subscriptions.length = 0;
        record.registrations.length = 0;
        if (record.status !== "active") continue;
        try {
          const deactivate = record.module?.deactivate;
          if (deactivate) await settle(record, callPlugin(record, "deactivate", deactivate, record.module, []), "deactivate");
        } catch (error) {
          record.problems.push({ ...hostProblem("deactivation_failed", "", { plugin: record.id, reason: describeThrown(error) }), file: record.packageFile });
        }
        record.status = "deactivated";
      }
      await watchdog?.release();
    },
  };
}
