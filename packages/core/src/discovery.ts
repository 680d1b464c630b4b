import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

function packageFolders(modulesDir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(modulesDir).sort();
  } catch {
    return [];
  }
  const folders: string[] = [];
  for (const entry of entries) {
    if (entry.startsWith(".")) continue;
    const path = join(modulesDir, entry);
    if (entry.startsWith("@")) {
      let scoped: string[] = [];
      try {
        scoped = readdirSync(path).sort();
      } catch {
        // A scope that cannot be read holds no plugin we can load.
      }
      for (const name of scoped) if (!name.startsWith(".")) folders.push(join(path, name));
    } else folders.push(path);
  }
  return folders;
}

// Installed packages are not reported on when unreadable: most are not plugins, and they are not ours to judge.
function hasCohesionKey(folder: string): boolean {
  const file = join(folder, "package.json");
  try {
    const text = readFileSync(file, "utf8");
    if (!text.includes('"cohesion"')) return false;
    const pkg = JSON.parse(text) as unknown;
    return typeof pkg === "object" && pkg !== null && Object.hasOwn(pkg, "cohesion");
  } catch {
    return false;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Every `node_modules` folder from `start` up to the file-system root, nearest first. */
function modulesFoldersUpFrom(start: string): string[] {
  const found: string[] = [];
  let dir = resolve(start);
  for (;;) {
    const modules = join(dir, "node_modules");
    if (existsSync(modules)) found.push(modules);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return found;
}

/**
 * Lists the folders of installed packages that declare a Cohesion plugin (a `cohesion` key in
 * package.json): in every `node_modules` from `cwd` up to the file-system root, scoped packages
 * included, then in each of `searchPaths` (folders laid out like `node_modules`). Folders are
 * returned as found; the host de-duplicates them by real path.
 *
 * @example
 * ```ts
 * import { discoverPluginFolders } from "@cohesion/core";
 * discoverPluginFolders(process.cwd()); // ["/app/node_modules/@cohesion/plugin-eurocities", ...]
 * ```
 */
export function discoverPluginFolders(cwd: string, searchPaths: readonly string[] = []): string[] {
  const found: string[] = [];
  for (const modules of modulesFoldersUpFrom(cwd)) found.push(...packageFolders(modules).filter(hasCohesionKey));
  for (const searchPath of searchPaths) found.push(...packageFolders(resolve(cwd, searchPath)).filter(hasCohesionKey));
  return found;
}

/**
 * Splits a plugin path setting (such as the `COHESION_PLUGIN_PATH` environment variable) into folders:
 * entries are separated by the platform's path delimiter (`:` on Linux and macOS, `;` on Windows), and
 * empty entries are ignored.
 *
 * @example
 * ```ts
 * splitPluginPath("/opt/cohesion-plugins:/home/ana/plugins"); // ["/opt/cohesion-plugins", "/home/ana/plugins"]
 * ```
 */
export function splitPluginPath(setting: string | undefined): string[] {
  return (setting ?? "")
    .split(delimiter)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}

/** Where {@link discoverPlugins} looks. */
export interface DiscoveryOptions {
  /** The working folder: `node_modules` from here upwards. */
  readonly cwd: string;
  /** Folders laid out like `node_modules`. */
  readonly searchPaths?: readonly string[];
  /** Folders of installed programs (a command line, core itself): `node_modules` from each upwards, which covers global installs. */
  readonly installRoots?: readonly string[];
  /** Folders from a plugin path setting: each is a plugin, a folder of plugins, or a folder with a `node_modules` of plugins. */
  readonly pluginPath?: readonly string[];
}

/** What {@link discoverPlugins} found: plugin folders, and plugin path entries that lead nowhere. */
export interface DiscoveryResult {
  readonly folders: string[];
  readonly missingPaths: string[];
}

/**
 * Finds installed plugins everywhere a user may have put them: the working folder's `node_modules`
 * (upwards), `searchPaths`, the `node_modules` trees holding each install root (so a plugin installed
 * globally beside a globally installed command is found from any folder), and the plugin path.
 *
 * @example
 * ```ts
 * const { folders, missingPaths } = discoverPlugins({ cwd: process.cwd(), pluginPath: splitPluginPath(process.env.COHESION_PLUGIN_PATH) });
 * ```
 */
export function discoverPlugins(options: DiscoveryOptions): DiscoveryResult {
  const folders = discoverPluginFolders(options.cwd, options.searchPaths ?? []);
  const seenModules = new Set(modulesFoldersUpFrom(options.cwd));
  for (const root of options.installRoots ?? []) {
    for (const modules of modulesFoldersUpFrom(root)) {
      if (seenModules.has(modules)) continue;
      seenModules.add(modules);
      folders.push(...packageFolders(modules).filter(hasCohesionKey));
    }
  }
  const missingPaths: string[] = [];
  for (const entry of options.pluginPath ?? []) {
    const folder = resolve(options.cwd, entry);
    if (!isFolder(folder)) {
      missingPaths.push(folder);
      continue;
    }
    if (hasCohesionKey(folder)) {
      folders.push(folder);
      continue;
    }
    folders.push(...packageFolders(folder).filter(hasCohesionKey));
    const modules = join(folder, "node_modules");
    if (isFolder(modules)) folders.push(...packageFolders(modules).filter(hasCohesionKey));
  }
  return { folders, missingPaths };
}

/**
 * The folder this module was loaded from, so a host finds plugins installed beside core itself. In a
 * bundle where neither `import.meta.url` nor `__dirname` says where it is, there is none.
 */
export function coreInstallRoot(): string | undefined {
  try {
    if (typeof __dirname === "string") return __dirname;
  } catch {
    // __dirname is not defined in an ES module.
  }
  try {
    return dirname(fileURLToPath(import.meta.url));
  } catch {
    return undefined;
  }
}
