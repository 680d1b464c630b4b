import { xlsxAdapter, xlsxDocumentAdapter } from "./adapter";

/**
 * Registers the xlsx adapters when the plugin host first needs it.
 *
 * @example
 * ```ts
 * // package.json: "cohesion": { "main": "./dist/plugin.js", "contributes": { "adapters": [{ "id": "xlsx.workbook", ... }] } }
 * ```
 */
export function activate(context: { subscriptions: Array<{ dispose(): void }>; register(point: string, contribution: unknown): { dispose(): void } }): void {
  context.subscriptions.push(context.register("adapters", xlsxAdapter), context.register("adapters", xlsxDocumentAdapter));
}
