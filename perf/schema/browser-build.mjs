// perf/schema/browser-build.mjs: what the browser build's compact validators cost in speed. The same
// validate<Kind>() of @cohesion/schema, from the Node build (dist/index.js, compiled validators) and
// from the browser build (dist/browser.js, the validators as data run by an interpreter), on the
// documents of perf/schema/run.mjs, in one run. Each ratio is the median over the rounds of the ratio
// within a round (above 1: the browser build is faster). Writes perf/results/schema-browser-build.json.
// Run after `npm run build`.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as compiled from "@cohesion/schema";
import { invalid, median, root, ROUNDS, throughput, valid } from "./documents.mjs";

const compact = await import(new URL("../../packages/schema/dist/browser.js", import.meta.url).href);
const fnName = (kind) => `validate${kind.replace(/(^|-)([a-z])/g, (_m, _d, c) => c.toUpperCase())}`;

const result = { node: process.version, rounds: ROUNDS, kinds: {} };
const all = { valid: [], invalid: [] };
for (const kind of compiled.DOCUMENT_KINDS) {
  result.kinds[kind] = {};
  for (const [label, documents] of [["valid", valid], ["invalid", invalid]]) {
    const docs = documents.filter((d) => d.kind === kind);
    if (docs.length === 0) continue;
    const [node, browser] = [compiled[fnName(kind)], compact[fnName(kind)]];
    // The two builds must agree before their speed means anything.
    for (const doc of docs) if (JSON.stringify(node(doc)) !== JSON.stringify(browser(doc))) throw new Error(`perf/schema: the builds disagree on a ${kind}`);
    const rates = { compiled: [], compact: [], ratio: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const pair = round % 2 === 0 ? [["compiled", node], ["compact", browser]] : [["compact", browser], ["compiled", node]];
      const now = Object.fromEntries(pair.map(([name, fn]) => [name, throughput(fn, docs)]));
      rates.compiled.push(now.compiled);
      rates.compact.push(now.compact);
      rates.ratio.push(now.compact / now.compiled);
    }
    const ratio = median(rates.ratio);
    all[label].push(ratio);
    result.kinds[kind][label] = {
      documents: docs.length,
      docsPerSecond: { compiled: Math.round(median(rates.compiled)), compact: Math.round(median(rates.compact)) },
      compactToCompiled: Number(ratio.toFixed(2)),
    };
  }
}
result.medianCompactToCompiled = { valid: Number(median(all.valid).toFixed(2)), invalid: Number(median(all.invalid).toFixed(2)) };

mkdirSync(join(root, "perf/results"), { recursive: true });
writeFileSync(join(root, "perf/results/schema-browser-build.json"), `${JSON.stringify(result, null, 2)}\n`);
console.log(`validate<Kind>() of the browser build (compact validators) against the Node build (compiled), median of ${ROUNDS} rounds, Node ${process.version}`);
for (const [kind, labels] of Object.entries(result.kinds)) {
  for (const [label, r] of Object.entries(labels)) {
    console.log(`  ${kind.padEnd(16)} ${label.padEnd(7)} ${String(r.documents).padStart(4)} docs · compiled ${String(r.docsPerSecond.compiled).padStart(8)}/s · compact ${String(r.docsPerSecond.compact).padStart(8)}/s · ${r.compactToCompiled}×`);
  }
}
console.log(`  median over kinds: valid ${result.medianCompactToCompiled.valid}×, invalid ${result.medianCompactToCompiled.invalid}× — written to perf/results/schema-browser-build.json`);
