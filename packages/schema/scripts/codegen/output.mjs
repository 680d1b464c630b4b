// @ts-check
// Writing the generated files, or checking that the committed ones are what the schemas produce.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

/**
 * Every file under a package folder, as package-relative paths.
 *
 * @param {string} packageDir
 * @param {string} dir
 * @returns {string[]}
 */
function listed(packageDir, dir) {
  const full = join(packageDir, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full).flatMap((f) => (statSync(join(full, f)).isDirectory() ? listed(packageDir, `${dir}/${f}`) : [`${dir}/${f}`]));
}

/**
 * Writes `files` (package-relative path → content) into `packageDir` and removes any other file in
 * `generatedDirs`; with `check`, writes nothing and names every file that differs instead.
 *
 * @param {{ packageDir: string, files: Map<string, string>, generatedDirs: readonly string[], check: boolean, command: string }} options
 */
export function writeOrCheck({ packageDir, files, generatedDirs, check, command }) {
  const strays = generatedDirs.flatMap((dir) => listed(packageDir, dir)).filter((f) => !files.has(f));
  if (check) {
    const stale = [];
    for (const [path, content] of files) {
      const full = join(packageDir, path);
      if (!existsSync(full) || readFileSync(full, "utf8") !== content) stale.push(path);
    }
    stale.push(...strays);
    if (stale.length > 0) {
      for (const path of stale) console.error(`stale: ${relative(process.cwd(), join(packageDir, path)) || path}`);
      console.error(`codegen:check: ${stale.length} generated file(s) differ from what the schemas produce; run "${command}" and commit the result.`);
      process.exitCode = 1;
      return;
    }
    console.log("codegen:check: generated files are up to date.");
    return;
  }
  for (const [path, content] of files) {
    const full = join(packageDir, path);
    mkdirSync(dirname(full), { recursive: true });
    if (!existsSync(full) || readFileSync(full, "utf8") !== content) {
      // Atomic: a reader never sees half a file.
      const temp = `${full}.${process.pid}.tmp`;
      writeFileSync(temp, content);
      renameSync(temp, full);
    }
  }
  for (const path of strays) rmSync(join(packageDir, path));
  console.log(`codegen: wrote ${files.size} files into ${relative(process.cwd(), packageDir) || "."}.`);
}
