// perf/validate/phases.mjs: where `cohesion validate` spends its time on an NDJSON stream of practices, per
// phase and per 100,000 lines, in one thread: decoding the lines from bytes, JSON.parse, the duplicate-key
// check and schema validation, each with the CLI's and the host's own functions, batch by batch as the
// command reads them. CPU time, the best of several rounds; the file is read once before the rounds.
// The command makes one pass, so the first round is given too: it carries what V8 spends before the code
// is optimised (for validation, about as much again as the best round), which the best round hides. The
// read itself (the CLI's NDJSON reader, which the baseline of run.mjs uses too) is given as well, so that
// read + first round + start-up add up to a run of the command.
// Usage: node perf/validate/phases.mjs [--docs 100000] [--rounds 5]   (after `npm run build`)
import { mkdirSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { linesOfBytes, readNdjsonBytes } from "@cohesion/cli";
import { createHost } from "@cohesion/core";
import { duplicateKeysOf } from "@cohesion/core/json";
import { shippedPractices, writePracticesNdjson } from "./practices.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const DOCS = option("--docs", 100_000);
const ROUNDS = option("--rounds", 5);
const root = fileURLToPath(new URL("../..", import.meta.url));
const work = join(tmpdir(), `cohesion-perf-phases-${process.pid}`);
mkdirSync(work, { recursive: true });

// The same stream as perf/validate/run.mjs.
const file = join(work, "practices.ndjson");
await writePracticesNdjson(file, shippedPractices(root), { docs: DOCS });
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
// The read timed as the command reads, each batch dropped once it is handled; then read again and kept.
const readStart = cpu();
let readLines = 0;
for await (const batch of readNdjsonBytes(file)) if ("type" in batch) readLines += batch.lineCount;
const read = cpu() - readStart;
if (readLines !== DOCS) throw new Error(`read ${readLines} lines, not ${DOCS}`);
const batches = [];
for await (const batch of readNdjsonBytes(file)) if ("type" in batch) batches.push(batch);
rmSync(work, { recursive: true, force: true });

const host = createHost({ cwd: root });
const phases = ["decode", "parse", "duplicateKeys", "validate"];
const best = Object.fromEntries(phases.map((phase) => [phase, Infinity]));
let first;
for (let round = 0; round < ROUNDS; round++) {
  const spent = Object.fromEntries(phases.map((phase) => [phase, 0]));
  for (const batch of batches) {
    let at = cpu();
    const lap = (phase) => {
      const now = cpu();
      spent[phase] += now - at;
      at = now;
    };
    const { lines } = linesOfBytes(batch);
    lap("decode");
    const values = lines.map((line) => JSON.parse(line));
    lap("parse");
    for (let i = 0; i < lines.length; i++) duplicateKeysOf(lines[i], values[i]);
    lap("duplicateKeys");
    for (const value of values) host.validate(value);
    lap("validate");
  }
  first ??= spent;
  for (const phase of phases) best[phase] = Math.min(best[phase], spent[phase]);
}
const per100k = (ms) => Math.round((ms * 100_000) / DOCS);
const perPhase = (spent) => Object.fromEntries(phases.map((phase) => [phase, per100k(spent[phase])]));
const result = {
  documents: DOCS,
  rounds: ROUNDS,
  loadAverage: Math.round(loadavg()[0] * 10) / 10,
  cpuMsPer100kLines: perPhase(best),
  // The one pass the command makes: the first round, and the read before it.
  firstRoundCpuMsPer100kLines: perPhase(first),
  readCpuMsPer100kLines: per100k(read),
};
mkdirSync(join(root, "perf/results"), { recursive: true });
(await import("node:fs")).writeFileSync(join(root, "perf/results/validate-phases.json"), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
