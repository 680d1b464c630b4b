import type { Disposable } from "./types";

/**
 * One registered implementation and the plugin that registered it.
 *
 * @example
 * ```ts
 * const entry: Registration<string> | undefined = registry.get("acme.median");
 * ```
 */
export interface Registration<T> {
  readonly value: T;
  readonly plugin: string;
}

/**
 * Implementations of one contribution point (scoring models, adapters) by id. Registering returns a
 * Disposable that removes exactly that registration, so a stale handle cannot remove a newer one.
 *
 * @example
 * ```ts
 * const models = new ContributionRegistry<{ id: string }>();
 * const handle = models.register("acme.median", { id: "acme.median" }, "acme");
 * handle.dispose(); // models.get("acme.median") is undefined again
 * ```
 */
export class ContributionRegistry<T> {
  readonly #entries = new Map<string, Registration<T>>();

  register(id: string, value: T, plugin: string): Disposable {
    const registration: Registration<T> = { value, plugin };
    this.#entries.set(id, registration);
    let disposed = false;
    return {
      dispose: () => {
        if (disposed) return;
        disposed = true;
        if (this.#entries.get(id) === registration) this.#entries.delete(id);
      },
    };
  }

  has(id: string): boolean {
    return this.#entries.has(id);
  }

  get(id: string): Registration<T> | undefined {
    return this.#entries.get(id);
  }

  ids(): string[] {
    return [...this.#entries.keys()];
  }
}
