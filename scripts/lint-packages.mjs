// Packaging lint for every publishable package: publint --strict, then arethetypeswrong on a packed tarball.
// The packages are checked side by side (as many at a time as there are cores, at least two: much of a
// check is spent starting node and packing), and reported in folder order once all are done.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const dirs = readdirSync(join(root, "packages"))
  .sort()
  .filter((dir) => existsSync(join(root, "packages", dir, "package.json")));

function run(cmd, args, cwd) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => (output += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk) => (output += chunk));
    child.on("error", (error) => resolve({ ok: false, output: `${cmd} could not run: ${error.message}\n` }));
    child.on("close", (code) => resolve({ ok: code === 0, output }));
  });
}

/** The checks of one package, in order: each is `{ line, ok, output }`. */
async function lint(dir) {
  const path = join(root, "packages", dir);
  const pkg = JSON.parse(readFileSync(join(path, "package.json"), "utf8"));
  if (pkg.private) return [];
  const publint = await run(join(root, "node_modules/.bin/publint"), ["--strict"], path);
  const checks = [{ line: `publint --strict ${pkg.name}`, ...publint }];
  if (pkg.exports?.["."]?.import?.types) {
    const attw = await run(join(root, "node_modules/.bin/attw"), ["--pack", ".", "--format", "ascii"], path);
    checks.push({ line: `attw --pack ${pkg.name}`, ...attw });
  }
  return checks;
}

const results = new Array(dirs.length);
let next = 0;
const worker = async () => {
  while (next < dirs.length) {
    const index = next++;
    results[index] = await lint(dirs[index]);
  }
};
await Promise.all(Array.from({ length: Math.max(2, availableParallelism()) }, worker));

let failed = 0;
for (const { line, ok, output } of results.flat()) {
  console.log(`${ok ? "ok  " : "FAIL"} ${line}`);
  if (!ok) {
    failed++;
    process.stdout.write(output);
  }
}
if (failed) {
  console.error(`${failed} packaging check(s) failed`);
  process.exit(1);
}
