import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync } from "node:fs";
import { basename, join } from "node:path";
import { REPO_ROOT, readJson } from "./workspace";

/**
 * Copies what a release needs into `target`: the root manifest, lock file, README and build configuration,
 * `schemas/`, `.changeset/` (its config and README only: the pending changesets of the real repository are
 * left out, so the release the test cuts is the one it describes), every package folder with its built
 * files, and `scripts/`.
 * Nothing is installed: the copy's `node_modules` is a folder of links to the repository's installed
 * packages (see {@link linkNodeModules}). The real repository's changesets, versions, changelogs and lock
 * files are never touched.
 */
export function copyWorkspaceForRelease(target: string, root: string = REPO_ROOT): void {
  mkdirSync(target, { recursive: true });
  // What the release script reads besides the packages: the build configuration (it builds after
  // versioning), the schemas (it freezes the released version) and the README (the compatibility table).
  for (const file of ["package.json", "package-lock.json", "README.md", "LICENSE", "turbo.json", "tsconfig.base.json", "tsup.config.base.ts", "vitest.config.ts"]) {
    cpSync(join(root, file), join(target, file));
  }
  cpSync(join(root, "schemas"), join(target, "schemas"), { recursive: true });

  mkdirSync(join(target, ".changeset"));
  for (const file of readdirSync(join(root, ".changeset"))) {
    if (file === "config.json" || file === "README.md") cpSync(join(root, ".changeset", file), join(target, ".changeset", file));
  }

  cpSync(join(root, "scripts"), join(target, "scripts"), { recursive: true });

  cpSync(join(root, "packages"), join(target, "packages"), {
    recursive: true,
    // A package's own node_modules (if any) is not part of a release.
    filter: (source) => basename(source) !== "node_modules",
  });

  linkNodeModules(target, root);
}

/**
 * Gives the copy a `node_modules` folder of its own whose entries link to the repository's installed
 * packages, and whose `@cohesion/*` entries link to the copy's own packages, as npm would have made them.
 * The folder itself is the copy's, so whatever npm writes there (its hidden lock file
 * `node_modules/.package-lock.json`, written even by `npm install --package-lock-only`) stays in the copy.
 */
function linkNodeModules(target: string, root: string): void {
  const from = join(root, "node_modules");
  const to = join(target, "node_modules");
  mkdirSync(to);
  for (const entry of readdirSync(from)) {
    if (entry === "@cohesion" || (entry.startsWith(".") && entry !== ".bin")) continue;
    symlinkSync(join(from, entry), join(to, entry), "dir");
  }
  mkdirSync(join(to, "@cohesion"));
  for (const folder of readdirSync(join(target, "packages"))) {
    if (!existsSync(join(target, "packages", folder, "package.json"))) continue;
    const name = readJson<{ name: string }>(join(target, "packages", folder, "package.json")).name;
    if (name.startsWith("@cohesion/")) symlinkSync(join("..", "..", "packages", folder), join(to, name), "dir");
  }
}

/** Writes a changeset file into a workspace copy, as `npx changeset` would. */
export function changesetFile(releases: Record<string, "major" | "minor" | "patch">, summary: string): string {
  const header = Object.entries(releases)
    .map(([name, bump]) => `"${name}": ${bump}`)
    .join("\n");
  return `---\n${header}\n---\n\n${summary}\n`;
}

