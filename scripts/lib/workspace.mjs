// The workspace's packages as the release scripts see them: name, folder, manifest, and who
// depends on whom.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Every package under `<root>/packages`, with its folder and parsed package.json. */
export function workspacePackages(root) {
  const dir = join(root, "packages");
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((path) => existsSync(join(path, "package.json")))
    .map((path) => ({ path, pkg: JSON.parse(readFileSync(join(path, "package.json"), "utf8")) }));
}

/** The names a package depends on at run time: dependencies and peer dependencies. */
export function runtimeDependencies(pkg) {
  return Object.keys({ ...(pkg.dependencies ?? {}), ...(pkg.peerDependencies ?? {}) });
}

/**
 * The public packages that depend on `name`, directly or through other workspace packages, by
 * name, sorted.
 *
 * @example
 * dependentsOf(workspacePackages(root), "@cohesion/schema"); // ["@cohesion/cli", "@cohesion/core", ...]
 */
export function dependentsOf(packages, name) {
  const reached = new Set([name]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const { pkg } of packages) {
      if (reached.has(pkg.name)) continue;
      if (runtimeDependencies(pkg).some((d) => reached.has(d))) {
        reached.add(pkg.name);
        grew = true;
      }
    }
  }
  reached.delete(name);
  return packages.filter(({ pkg }) => reached.has(pkg.name) && !pkg.private).map(({ pkg }) => pkg.name).sort();
}
