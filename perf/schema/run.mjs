// perf/schema: what Cohesion's validation costs per document next to bare ajv, in the same run.
// Baseline: ajv (same draft, same options) compiled at run time from the same schemas, returning only
// true/false. Measured: validate() from @cohesion/schema (precompiled validators, depth guard,
// deprecation warnings, problems mapped to codes and pointers) and parseDocument() from
// @cohesion/model (zod). Valid documents are every plugin content document and example; the invalid
// set is examples/invalid. Writes perf/results/schema.json. Run after `npm run build`.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import Ajv2020Module from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { ANNOTATION_KEYWORDS, defsSchema, schemas, validate } from "@cohesion/schema";
import { parseDocument } from "@cohesion/model";

const root = fileURLToPath(new URL("../..", import.meta.url));
const ROUNDS = Number(process.env.SCHEMA_PERF_ROUNDS ?? 5);
const TARGET_MS = Number(process.env.SCHEMA_PERF_MS ?? 300);
const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
const addFormats = addFormatsModule.default ?? addFormatsModule;

function readDocuments(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .flatMap((f) => [JSON.parse(readFileSync(join(dir, f), "utf8"))].flat());
}

const valid = [...readDocuments(join(root, "examples/valid")), ...readDocuments(join(root, "examples/assessments"))];
for (const plugin of readdirSync(join(root, "packages")).filter((p) => p.startsWith("plugin-"))) {
  const manifest = JSON.parse(readFileSync(join(root, "packages", plugin, "package.json"), "utf8")).cohesion;
  for (const files of Object.values(manifest.contributes ?? {})) {
    for (const file of Array.isArray(files) ? files : []) {
      if (typeof file === "string") valid.push(...[JSON.parse(readFileSync(join(root, "packages", plugin, file), "utf8"))].flat());
    }
  }
}
const invalid = readDocuments(join(root, "examples/invalid")).filter((d) => d && typeof d === "object" && typeof d.kind === "string" && d.kind in schemas);

const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, inlineRefs: false });
addFormats(ajv);
for (const [keyword, schemaType] of Object.entries(ANNOTATION_KEYWORDS)) ajv.addKeyword({ keyword, schemaType });
ajv.addSchema(defsSchema);
const raw = Object.fromEntries(Object.entries(schemas).map(([kind, schema]) => [kind, ajv.compile(schema)]));
const bareAjv = (doc) => raw[doc.kind](doc);

for (const doc of valid) {
  if (!validate(doc).valid) throw new Error(`perf/schema: ${doc.kind} ${doc.id} is not valid`);
  if (!bareAjv(doc)) throw new Error(`perf/schema: bare ajv refuses ${doc.kind} ${doc.id}`);
}

/** Documents per second for one function over a set, repeated until the time target is reached. */
function throughput(fn, docs) {
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < TARGET_MS) {
    for (const doc of docs) fn(doc);
    count += docs.length;
    elapsed = performance.now() - start;
  }
  return (count / elapsed) * 1000;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const result = { validDocuments: valid.length, invalidDocuments: invalid.length, rounds: ROUNDS, docsPerSecond: {}, ratioToBareAjv: {} };
for (const [label, docs] of [["valid", valid], ["invalid", invalid]]) {
  const runs = { ajv: [], validate: [], parseDocument: [] };
  for (let round = 0; round < ROUNDS; round++) {
    runs.ajv.push(throughput(bareAjv, docs));
    runs.validate.push(throughput(validate, docs));
    runs.parseDocument.push(throughput(parseDocument, docs));
  }
  const ajvRate = median(runs.ajv);
  result.docsPerSecond[label] = { bareAjv: Math.round(ajvRate), validate: Math.round(median(runs.validate)), parseDocument: Math.round(median(runs.parseDocument)) };
  result.ratioToBareAjv[label] = {
    validate: Number((median(runs.validate) / ajvRate).toFixed(2)),
    parseDocument: Number((median(runs.parseDocument) / ajvRate).toFixed(2)),
  };
}

mkdirSync(join(root, "perf/results"), { recursive: true });
writeFileSync(join(root, "perf/results/schema.json"), `${JSON.stringify(result, null, 2)}\n`);
console.log(`Validation of ${valid.length} valid and ${invalid.length} invalid documents, median of ${ROUNDS} rounds, Node ${process.version}`);
for (const label of ["valid", "invalid"]) {
  const rate = result.docsPerSecond[label];
  const ratio = result.ratioToBareAjv[label];
  console.log(`  ${label.padEnd(7)} bare ajv ${String(rate.bareAjv).padStart(8)}/s · validate() ${String(rate.validate).padStart(8)}/s (${ratio.validate}×) · parseDocument() ${String(rate.parseDocument).padStart(8)}/s (${ratio.parseDocument}×)`);
}
console.log("  written to perf/results/schema.json");
