import type { PluginStep, Watchdog } from "./watchdog";

/** Every data property of the value and of its prototypes (the nearest first), but not Object.prototype's. */
function functionNames(value: object): Array<string | symbol> {
  const names = new Set<string | symbol>();
  for (let level: object | null = value; level !== null && level !== Object.prototype; level = Object.getPrototypeOf(level) as object | null) {
    for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(level)) as Array<[string, PropertyDescriptor]>) {
      if (name !== "constructor" && typeof descriptor.value === "function") names.add(name);
    }
    for (const symbol of Object.getOwnPropertySymbols(level)) {
      if (typeof Object.getOwnPropertyDescriptor(level, symbol)?.value === "function") names.add(symbol);
    }
  }
  return [...names];
}

/**
 * The contribution a host hands out in place of a plugin's: the same fields, prototype and property flags,
 * with each of its functions (its own and its prototypes') run through the watchdog as a call of the step
 * `stepFor(name)` gives, so that one stuck in an endless loop ends the process with a problem naming the
 * plugin, instead of hanging it. Getters are left alone (never called here). The functions still run with
 * the plugin's own object as `this` (so private fields keep working); only their synchronous part is timed.
 *
 * @example
 * ```ts
 * const model = guardContribution(registered, watchdog, (name) => ({ ...step, step: `${String(name)}() of its scoring model "acme.median"` }));
 * ```
 */
export function guardContribution<T extends object>(value: T, watchdog: Watchdog, stepFor: (name: string | symbol) => PluginStep): T {
  const descriptors: Record<string | symbol, PropertyDescriptor> = Object.getOwnPropertyDescriptors(value);
  const guarded = Object.create(Object.getPrototypeOf(value) as object | null) as T;
  for (const name of functionNames(value)) {
    const fn = (value as Record<string | symbol, (...args: never[]) => unknown>)[name] as (...args: never[]) => unknown;
    const step = stepFor(name);
    const own = descriptors[name];
    descriptors[name] = {
      value: function (this: unknown, ...args: unknown[]) {
        return watchdog.call(step, fn, this === guarded ? value : this, args);
      },
      // An inherited method becomes an own property that is not enumerable, so the object's keys stay the same.
      enumerable: own?.enumerable ?? false,
      writable: own?.writable ?? true,
      configurable: own?.configurable ?? true,
    };
  }
  Object.defineProperties(guarded, descriptors);
  return guarded;
}
