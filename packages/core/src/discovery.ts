import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

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
  let dir = resolve(cwd);
  for (;;) {
    const modules = join(dir, "node_modules");
    if (existsSync(modules)) found.push(...packageFolders(modules).filter(hasCohesionKey));
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const searchPath of searchPaths) found.push(...packageFolders(resolve(cwd, searchPath)).filter(hasCohesionKey));
  return found;
}
