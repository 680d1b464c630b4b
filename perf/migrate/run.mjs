// perf/migrate: `cohesion migrate` over an NDJSON stream of 1.0 assessments whose evidence is free text
// (each answer's web addresses become evidenceLinks, the rest moves to notes, each move reported), written
// with --out-dir, as a ratio to reading, parsing, re-stringifying and writing the same lines alone,
// measured in the same run; and peak memory at two input sizes (streamed: it should not grow with the input).
// Usage: node perf/migrate/run.mjs [--docs 50000]   (after `npm run build`)
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const DOCS = Number(args[args.indexOf("--docs") + 1] ?? 0) || 50_000;
const root = fileURLToPath(new URL("../..", import.meta.url));
const worker = fileURLToPath(new URL("./worker.mjs", import.meta.url));
const work = join(tmpdir(), `cohesion-perf-migrate-${process.pid}`);
mkdirSync(work, { recursive: true });

// The example assessment as it was written for 1.0: free-text evidence with a link and a date in it.
const example = JSON.parse(readFileSync(join(root, "examples/valid/assessment.json"), "utf8"));
const answers = Object.fromEntries(
  Object.entries(example.answers).map(([id, answer], i) => [id, { ...answer, evidence: `Council minutes (2023-0${(i % 9) + 1}-12): https://example.org/minutes/${i}. Residents were consulted twice.` }]),
);
const seed = { ...example, schemaVersion: "1.0", answers };
for (const answer of Object.values(seed.answers)) delete answer.evidenceLinks;

async function writeNdjson(file, docs) {
  const out = createWriteStream(file);
  for (let i = 0; i < docs; i++) {
    if (!out.write(`${JSON.stringify({ ...seed, id: `${seed.id}-${i}` })}\n`)) await new Promise((resolve) => out.once("drain", resolve));
  }
  await new Promise((resolve) => out.end(resolve));
}

function measure(mode, file, outDir) {
  const ran = spawnSync(process.execPath, [worker, mode, file, outDir], { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 });
  if (ran.status !== 0) throw new Error(`${mode}: ${ran.stderr}`);
  return JSON.parse(ran.stdout.trim().split("\n").pop());
}

const small = join(work, "small.ndjson");
const big = join(work, "big.ndjson");
await writeNdjson(small, Math.max(1, Math.round(DOCS / 10)));
await writeNdjson(big, DOCS);
const rounds = [];
for (let round = 0; round < 3; round++) {
  const baseline = measure("baseline", big, join(work, `base-${round}`));
  const cohesion = measure("cohesion", big, join(work, `out-${round}`));
  if (cohesion.exit !== 0) throw new Error(`cohesion migrate exited ${cohesion.exit}`);
  rounds.push({ baselineMs: baseline.ms, cohesionMs: cohesion.ms, ratio: cohesion.ms / baseline.ms });
}
const smallRun = measure("cohesion", small, join(work, "out-small"));
const bigRun = measure("cohesion", big, join(work, "out-big"));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const result = {
  name: "migrate",
  docs: DOCS,
  inputMb: statSync(big).size / 1e6,
  ratioToBaseline: median(rounds.map((r) => r.ratio)),
  docsPerSecond: DOCS / (median(rounds.map((r) => r.cohesionMs)) / 1000),
  rounds,
  peakRssMb: { [`${Math.round(DOCS / 10)} docs`]: smallRun.maxRssMb, [`${DOCS} docs`]: bigRun.maxRssMb },
};
rmSync(work, { recursive: true, force: true });
mkdirSync(join(root, "perf/results"), { recursive: true });
writeFileSync(join(root, "perf/results/migrate.json"), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
