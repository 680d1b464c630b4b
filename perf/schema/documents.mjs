// What both perf/schema scripts measure on: the documents, valid and invalid, and how a rate is taken.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { schemas } from "@cohesion/schema";

export const root = fileURLToPath(new URL("../..", import.meta.url));
export const ROUNDS = Number(process.env.SCHEMA_PERF_ROUNDS ?? 9);
const TARGET_MS = Number(process.env.SCHEMA_PERF_MS ?? 100);

function readDocuments(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .flatMap((f) => [JSON.parse(readFileSync(join(dir, f), "utf8"))].flat());
}

export const valid = [...readDocuments(join(root, "examples/valid")), ...readDocuments(join(root, "examples/assessments"))];
for (const plugin of readdirSync(join(root, "packages")).filter((p) => p.startsWith("plugin-")).sort()) {
  const manifest = JSON.parse(readFileSync(join(root, "packages", plugin, "package.json"), "utf8")).cohesion;
  for (const files of Object.values(manifest.contributes ?? {})) {
    for (const file of Array.isArray(files) ? files : []) {
      if (typeof file === "string") valid.push(...[JSON.parse(readFileSync(join(root, "packages", plugin, file), "utf8"))].flat());
    }
  }
}
const broken = valid.flatMap((doc) => {
  const required = schemas[doc.kind].required.find((field) => field !== "kind" && field !== "schemaVersion");
  const { [required]: _removed, ...missing } = doc;
  return [missing, { ...doc, schemaVersion: 1 }, { ...doc, colour: "red" }];
});
const isKnown = (d) => d && typeof d === "object" && typeof d.kind === "string" && d.kind in schemas;
export const invalid = [...readDocuments(join(root, "examples/invalid")).filter(isKnown), ...broken];


/** Documents per second for one function over a set, repeated until the time target is reached. */
export function throughput(fn, docs) {
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < TARGET_MS) {
    for (let i = 0; i < docs.length; i++) fn(docs[i]);
    count += docs.length;
    elapsed = performance.now() - start;
  }
  return (count / elapsed) * 1000;
}
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

