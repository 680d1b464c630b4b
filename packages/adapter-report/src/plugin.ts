import { htmlReportAdapter, markdownReportAdapter } from "./adapters";

/**
 * Registers the HTML and Markdown report adapters when the plugin host first needs one.
 *
 * @example
 * ```ts
 * // package.json: "cohesion": { "main": "./dist/plugin.js", "contributes": { "adapters": [{ "id": "report.html", ... }] } }
 * ```
 */
export function activate(context: { subscriptions: Array<{ dispose(): void }>; register(point: string, contribution: unknown): { dispose(): void } }): void {
  context.subscriptions.push(context.register("adapters", htmlReportAdapter), context.register("adapters", markdownReportAdapter));
}
