import { createRequire } from "node:module";
import { dirname } from "node:path";
import { adaptersPoint, type Adapter } from "@cohesion/adapter-kit";
import type { AnyExtensionPoint, Host } from "@cohesion/core";
import { scoringModelsPoint } from "@cohesion/scoring";

/** The extension points the command's host knows: scoring models and adapters. */
export const HOST_POINTS: readonly AnyExtensionPoint[] = [scoringModelsPoint, adaptersPoint];

/** The adapter plugins that come with the command; each is loaded like any installed plugin. */
const BUNDLED_ADAPTERS = ["@cohesion/adapter-report", "@cohesion/adapter-xlsx", "@cohesion/adapter-datapackage", "@cohesion/adapter-xlsform"];

/**
 * Adds the adapter plugins the command depends on to a host, wherever npm installed them (a host finds
 * plugins in the node_modules above its working folder, which need not hold the command's own).
 *
 * @example
 * ```ts
 * const host = createHost({ cwd, points: HOST_POINTS });
 * addBundledAdapters(host);
 * ```
 */
export function addBundledAdapters(host: Host): void {
  const require = createRequire(import.meta.url);
  for (const name of BUNDLED_ADAPTERS) {
    let folder: string;
    try {
      folder = dirname(require.resolve(`${name}/package.json`));
    } catch {
      // Not installed (a trimmed install): the command works without it and lists what it has.
      continue;
    }
    // Shipped with the command: a long synchronous export of a large workbook is work, not a plugin stuck in a loop.
    host.addPlugin(folder, { trusted: true });
  }
}

/**
 * Every adapter the host can offer, activating the plugins that declare them (adapters are chosen by
 * format and file extension, which only the adapter itself knows).
 *
 * @example
 * ```ts
 * const adapters = await loadAdapters(host);
 * ```
 */
export async function loadAdapters(host: Host): Promise<Adapter[]> {
  const found = await Promise.all(host.declared(adaptersPoint).map((declaration) => host.contribution(adaptersPoint, declaration.id)));
  return found.filter((adapter): adapter is Adapter => adapter !== undefined);
}
