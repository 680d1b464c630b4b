import type { AnyExtensionPoint } from "@cohesion/core";

const notHere = (label: string) => () => ({ ok: false as const, reason: `this command uses no ${label}` });

/**
 * The command's extension points by name only, for commands that read what plugins declare but never run
 * their code (`validate`, `show`, `init`, `migrate`, `schema export`): the host reports the same declaration
 * problems as with the real points, without loading the scoring engine or the adapter contract to check
 * contributions nobody asks for. Names and labels are the real points' (a test holds them together).
 *
 * @example
 * ```ts
 * const host = createHost({ cwd, points: DECLARED_POINTS });
 * ```
 */
export const DECLARED_POINTS: readonly AnyExtensionPoint[] = [
  { name: "scoringModels", label: "scoring model", check: notHere("scoring model") },
  { name: "adapters", label: "adapter", check: notHere("adapter") },
];
