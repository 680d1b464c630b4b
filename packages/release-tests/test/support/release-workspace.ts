import { cpSync, mkdirSync, readdirSync, symlinkSync } from "node:fs";
import { basename, join } from "node:path";
import { REPO_ROOT } from "./workspace";

/**
 * Copies what a release needs into `target`: the root manifest and lock file, `.changeset/` (its config
 * and README only: the pending changesets of the real repository are left out, so the release the test
 * cuts is the one it describes), every package folder with its built files, and `scripts/release.mjs`.
 * The copy's `node_modules` is a link to the repository's, so nothing is installed; the real repository's
 * changesets, versions and changelogs are never touched.
 */
export function copyWorkspaceForRelease(target: string, root: string = REPO_ROOT): void {
  mkdirSync(target, { recursive: true });
  for (const file of ["package.json", "package-lock.json"]) cpSync(join(root, file), join(target, file));

  mkdirSync(join(target, ".changeset"));
  for (const file of readdirSync(join(root, ".changeset"))) {
    if (file === "config.json" || file === "README.md") cpSync(join(root, ".changeset", file), join(target, ".changeset", file));
  }

  mkdirSync(join(target, "scripts"));
  cpSync(join(root, "scripts/release.mjs"), join(target, "scripts/release.mjs"));

  cpSync(join(root, "packages"), join(target, "packages"), {
    recursive: true,
    // A package's own node_modules (if any) and the release tests themselves are not part of a release.
    filter: (source) => basename(source) !== "node_modules" && source !== join(root, "packages/release-tests"),
  });

  symlinkSync(join(root, "node_modules"), join(target, "node_modules"), "dir");
}

/** Writes a changeset file into a workspace copy, as `npx changeset` would. */
export function changesetFile(releases: Record<string, "major" | "minor" | "patch">, summary: string): string {
  const header = Object.entries(releases)
    .map(([name, bump]) => `"${name}": ${bump}`)
    .join("\n");
  return `---\n${header}\n---\n\n${summary}\n`;
}

