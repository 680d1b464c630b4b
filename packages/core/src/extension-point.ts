/**
 * What a point's check answers: the value the host keeps and hands out (the same value, or a wrapped one),
 * or why the value was refused.
 *
 * @example
 * ```ts
 * const checked: ContributionCheck<{ id: string }> = { ok: false, reason: "score must be a function" };
 * ```
 */
export type ContributionCheck<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/**
 * A kind of behaviour plugins contribute code for, declared by the package that owns it (scoring owns
 * `scoringModels`, the adapter contract owns `adapters`). The host stays generic: it reads the declarations
 * under `cohesion.contributes[name]` in each manifest, activates a plugin's `main` when one of its
 * contributions is first asked for, and lets the point's `check` decide what a plugin may register.
 *
 * The interface is structural, so a package can declare a point without depending on `@cohesion/core`.
 *
 * @example
 * ```ts
 * const greeters: ExtensionPoint<{ id: string; greet(): string }> = {
 *   name: "greeters",
 *   label: "greeter",
 *   check: (value) =>
 *     typeof (value as { greet?: unknown }).greet === "function"
 *       ? { ok: true, value: value as { id: string; greet(): string } }
 *       : { ok: false, reason: "greet must be a function" },
 * };
 * const host = createHost({ points: [greeters] });
 * ```
 */
export interface ExtensionPoint<T extends { readonly id: string }> {
  /** The key under a manifest's `cohesion.contributes` that declares contributions to this point. */
  readonly name: string;
  /** What one contribution is called in messages, for example "scoring model". */
  readonly label: string;
  /**
   * Checks a value a plugin registers (already known to be an object with a string id). Never throws;
   * a throw is reported as `invalid_contribution` with the error's message.
   */
  check(value: unknown): ContributionCheck<T>;
  /** Contributions that ship with the owning package, registered under the built-in plugin `cohesion`. */
  readonly builtins?: ReadonlyArray<T & { readonly title: string; readonly description?: string }>;
}

/**
 * Any extension point, whatever its contribution type.
 *
 * @example
 * ```ts
 * const points: AnyExtensionPoint[] = [scoringModelsPoint, adaptersPoint];
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyExtensionPoint = ExtensionPoint<any>;

/**
 * The contribution type of an extension point.
 *
 * @example
 * ```ts
 * type Model = ContributionOf<typeof scoringModelsPoint>;
 * ```
 */
export type ContributionOf<P> = P extends ExtensionPoint<infer T> ? T : never;
