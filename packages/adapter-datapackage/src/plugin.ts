import { dataPackageAdapter } from "./package";

/**
 * Registers the data package adapter when the plugin host first needs it.
 *
 * @example
 * ```ts
 * // package.json: "cohesion": { "main": "./dist/plugin.js", "contributes": { "adapters": [{ "id": "datapackage.v2", ... }] } }
 * ```
 */
export function activate(context: { subscriptions: Array<{ dispose(): void }>; register(point: string, contribution: unknown): { dispose(): void } }): void {
  context.subscriptions.push(context.register("adapters", dataPackageAdapter));
}
