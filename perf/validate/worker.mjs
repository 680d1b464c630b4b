// One measured run in a fresh process: either JSON.parse of every line (baseline) or the real CLI.
import { createReadStream } from "node:fs";
import { performance } from "node:perf_hooks";

const [mode, file] = process.argv.slice(2);
const start = performance.now();
let documents = 0;
let exit = 0;
let workers;
if (mode === "baseline") {
  // The same line reader the CLI uses, so the ratio isolates what validation adds to parsing.
  const { readLineBatches } = await import("@cohesion/cli");
  for await (const lines of readLineBatches(createReadStream(file, { encoding: "utf8" }))) {
    for (const line of lines) {
      if (line.trim() === "") continue;
      JSON.parse(line);
      documents++;
    }
  }
} else if (mode === "baseline-bytes") {
  // For reference only (not the baseline): JSON.parse of every line, read the way the CLI now reads NDJSON
  // files — bytes, decoded line by line (an ASCII line becomes a cheaper one-byte string). It loads the CLI
  // as the baseline does, so that both pay the same start-up.
  await import("@cohesion/cli");
  let rest = Buffer.alloc(0);
  const parse = (bytes, start, end) => {
    const line = bytes.toString("utf8", start, end > start && bytes[end - 1] === 13 ? end - 1 : end);
    if (line.trim() === "") return;
    JSON.parse(line);
    documents++;
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 })) {
    const bytes = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let end = bytes.indexOf(10); end !== -1; end = bytes.indexOf(10, start)) {
      parse(bytes, start, end);
      start = end + 1;
    }
    rest = Buffer.from(bytes.subarray(start));
  }
  if (rest.length > 0) parse(rest, 0, rest.length);
} else {
  const { run, validationWorkers } = await import("@cohesion/cli");
  workers = validationWorkers(process.env);
  let out = "";
  exit = await run(["validate", file, "--format", "json"], {
    stdout: { write: (text) => (out += text) },
    stderr: { write: () => {} },
    stdin: process.stdin,
    cwd: process.cwd(),
  });
  documents = JSON.parse(out).documents;
}
const ms = performance.now() - start;
console.log(JSON.stringify({ mode, ms: Math.round(ms), documents, exit, maxRssKB: process.resourceUsage().maxRSS, ...(workers === undefined ? {} : { workers }) }));
process.exitCode = exit;
