// perf/schema: what Cohesion's validation costs per document, per kind, next to two library peers
// compiled at run time from the same schemas, in the same run:
// - ajv (same draft, allErrors, strict) returning only true/false;
// - @exodus/schemasafe (same draft, its default mode) returning only true/false.
// Measured: the per-kind validate functions of @cohesion/schema (precompiled validators, depth guard,
// version check, deprecation warnings, problems mapped to codes, pointers and hints) and
// parseDocument() of @cohesion/model. Valid documents: every example and plugin content document.
// Invalid documents: examples/invalid, plus each valid document broken in three ways (a required
// field removed, a wrong type, an unknown field), so every kind has some.
// With SCHEMA_PERF_BEFORE=<path to an older build's dist/index.js>, that build's validate() is
// measured in the same run too. Each ratio is the median over the rounds of the ratio within a round.
// Writes perf/results/schema.json. Run after `npm run build`.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { validator as schemasafeValidator } from "@exodus/schemasafe";
import Ajv2020Module from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import * as cohesion from "@cohesion/schema";
import { parseDocument } from "@cohesion/model";
import { invalid, median, root, ROUNDS, throughput, valid } from "./documents.mjs";

const { ANNOTATION_KEYWORDS, DOCUMENT_KINDS, defsSchema, schemas } = cohesion;
const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
const addFormats = addFormatsModule.default ?? addFormatsModule;
const before = process.env.SCHEMA_PERF_BEFORE ? await import(pathToFileURL(process.env.SCHEMA_PERF_BEFORE).href) : undefined;

// ajv, compiled at run time with the options of the precompiled validators.
const ajv = new Ajv2020({ allErrors: true, strict: true, inlineRefs: false });
addFormats(ajv);
for (const [keyword, schemaType] of Object.entries(ANNOTATION_KEYWORDS)) ajv.addKeyword({ keyword, schemaType });
ajv.addSchema(defsSchema);
const ajvByKind = Object.fromEntries(Object.entries(schemas).map(([kind, schema]) => [kind, ajv.compile(schema)]));

// schemasafe, compiled at run time from the same schemas; the x- annotations are allowed as unused keywords.
const schemasafeByKind = Object.fromEntries(
  Object.entries(schemas).map(([kind, schema]) => [
    kind,
    schemasafeValidator(schema, { schemas: [defsSchema], allowUnusedKeywords: true, formats: {}, includeErrors: false, allErrors: false }),
  ]),
);

const ours = Object.fromEntries(DOCUMENT_KINDS.map((kind) => [kind, cohesion[`validate${kind.replace(/(^|-)([a-z])/g, (_m, _d, c) => c.toUpperCase())}`]]));

for (const doc of valid) {
  if (!ours[doc.kind](doc).valid) throw new Error(`perf/schema: ${doc.kind} ${doc.id} is not valid`);
  if (!ajvByKind[doc.kind](doc)) throw new Error(`perf/schema: ajv refuses ${doc.kind} ${doc.id}`);
  if (!schemasafeByKind[doc.kind](doc)) throw new Error(`perf/schema: schemasafe refuses ${doc.kind} ${doc.id}`);
}
for (const doc of invalid) {
  if (ours[doc.kind](doc).valid) throw new Error(`perf/schema: ${doc.kind} ${doc.id} is not invalid`);
}

const contenders = (kind) => ({
  ajv: ajvByKind[kind],
  schemasafe: schemasafeByKind[kind],
  validate: ours[kind],
  parseDocument,
  ...(before ? { validateBefore: before.validate } : {}),
});

const result = { node: process.version, rounds: ROUNDS, kinds: {} };
for (const kind of DOCUMENT_KINDS) {
  result.kinds[kind] = {};
  for (const [label, all] of [["valid", valid], ["invalid", invalid]]) {
    const docs = all.filter((d) => d.kind === kind);
    if (docs.length === 0) continue;
    const names = Object.keys(contenders(kind));
    const runs = Object.fromEntries(names.map((name) => [name, []]));
    // Ratios are taken within each round, where the contenders run one right after the other, and the
    // median of those is reported: a machine shared with other work slows whole rounds, not one contender.
    const roundRatios = { ajv: [], schemasafe: [], before: [] };
    for (let round = 0; round < ROUNDS; round++) {
      // The order rotates from round to round, so no contender always runs first.
      const order = names.map((_, i) => names[(i + round) % names.length]);
      const rates = {};
      for (const name of order) rates[name] = throughput(contenders(kind)[name], docs);
      for (const name of names) runs[name].push(rates[name]);
      roundRatios.ajv.push(rates.validate / rates.ajv);
      roundRatios.schemasafe.push(rates.validate / rates.schemasafe);
      if (before) roundRatios.before.push(rates.validateBefore / rates.ajv);
    }
    const rates = Object.fromEntries(Object.entries(runs).map(([name, values]) => [name, Math.round(median(values))]));
    result.kinds[kind][label] = {
      documents: docs.length,
      docsPerSecond: rates,
      validateToAjv: Number(median(roundRatios.ajv).toFixed(2)),
      validateToSchemasafe: Number(median(roundRatios.schemasafe).toFixed(2)),
      ...(before ? { beforeToAjv: Number(median(roundRatios.before).toFixed(2)) } : {}),
    };
  }
}

mkdirSync(join(root, "perf/results"), { recursive: true });
writeFileSync(join(root, "perf/results/schema.json"), `${JSON.stringify(result, null, 2)}\n`);
console.log(`Validation per kind, ${valid.length} valid and ${invalid.length} invalid documents, median of ${ROUNDS} rounds, Node ${process.version}`);
console.log("  ratios are documents per second of validate<Kind>() to the peer's (above 1: ours is faster)");
for (const [kind, labels] of Object.entries(result.kinds)) {
  for (const [label, r] of Object.entries(labels)) {
    const beforeText = before ? ` · before ${String(r.beforeToAjv).padStart(5)}× ajv` : "";
    console.log(
      `  ${kind.padEnd(16)} ${label.padEnd(7)} ${String(r.documents).padStart(4)} docs · validate ${String(r.docsPerSecond.validate).padStart(8)}/s · ${String(r.validateToAjv).padStart(5)}× ajv · ${String(r.validateToSchemasafe).padStart(5)}× schemasafe${beforeText}`,
    );
  }
}
console.log("  written to perf/results/schema.json");
