// Packaging lint for every publishable package: publint --strict, then arethetypeswrong on a packed tarball.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const dirs = readdirSync(join(root, "packages")).filter((dir) => existsSync(join(root, "packages", dir, "package.json")));
let failed = 0;
for (const dir of dirs) {
  const path = join(root, "packages", dir);
  const pkg = JSON.parse(readFileSync(join(path, "package.json"), "utf8"));
  if (pkg.private) continue;
  const run = (cmd, args) => spawnSync(cmd, args, { cwd: path, encoding: "utf8" });
  const publint = run(join(root, "node_modules/.bin/publint"), ["--strict"]);
  const ok = publint.status === 0;
  console.log(`${ok ? "ok  " : "FAIL"} publint --strict ${pkg.name}`);
  if (!ok) {
    failed++;
    process.stdout.write(publint.stdout + publint.stderr);
  }
  if (pkg.exports?.["."]?.import?.types) {
    const attw = run(join(root, "node_modules/.bin/attw"), ["--pack", ".", "--format", "ascii"]);
    const attwOk = attw.status === 0;
    console.log(`${attwOk ? "ok  " : "FAIL"} attw --pack ${pkg.name}`);
    if (!attwOk) {
      failed++;
      process.stdout.write(attw.stdout + attw.stderr);
    }
  }
}
if (failed) {
  console.error(`${failed} packaging check(s) failed`);
  process.exit(1);
}
