// One measured run, in its own process so its peak memory is its own:
//   node perf/migrate/worker.mjs cohesion <in.ndjson> <out-dir>   `cohesion migrate <in> --out-dir <out>`
//   node perf/migrate/worker.mjs baseline <in.ndjson> <out-dir>   JSON.parse + JSON.stringify of each line, written out
// Prints { ms, maxRssMb, exit } as the last line.
import { createReadStream, createWriteStream, mkdirSync } from "node:fs";
import { basename, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const [mode, input, outDir] = process.argv.slice(2);
const root = fileURLToPath(new URL("../..", import.meta.url));
const started = performance.now();
let exit = 0;
if (mode === "cohesion") {
  const { run } = await import(join(root, "packages/cli/dist/index.js"));
  const sink = { write: () => true };
  exit = await run(["migrate", input, "--out-dir", outDir, "--force"], { stdout: sink, stderr: sink, stdin: process.stdin, cwd: root });
} else {
  mkdirSync(outDir, { recursive: true });
  const out = createWriteStream(join(outDir, basename(input)));
  for await (const line of createInterface({ input: createReadStream(input), crlfDelay: Infinity })) {
    if (line.trim() === "") continue;
    const document = JSON.parse(line);
    document.schemaVersion = "1.1";
    if (!out.write(`${JSON.stringify(document)}\n`)) await new Promise((resolve) => out.once("drain", resolve));
  }
  await new Promise((resolve) => out.end(resolve));
}
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, exit }));
