import { v, findTooDeep, checkSchemaVersion, d } from "/tmp/i9-bundle.mjs";
import { performance } from "node:perf_hooks";
const answers = {};
const L = ["none", "planned", "partial", "substantial", "full"];
for (let k = 0; k < 11; k++) for (let q = 0; q < 7; q++) answers[`kf${k}-q${q}`] = { level: L[(k + q) % 5] };
const doc = { kind: "assessment", schemaVersion: "1.1", id: "test.a", benchmark: { id: "test.b", version: "1.0.0" }, subject: { type: "place", name: "X" }, method: "self", assessedBy: [{ name: "A" }], assessedOn: "2024-01-01", answers };
const bench = (name, f) => { let n = 0; const t = performance.now(); while (performance.now() - t < 400) { f(); n++; } console.log(name, Math.round(n / 0.4), "/s"); };
for (let r = 0; r < 2; r++) {
bench("ajv precompiled", () => v.assessment(doc));
bench("findTooDeep", () => findTooDeep(doc, 100));
bench("version", () => checkSchemaVersion(doc));
}
for (let r = 0; r < 2; r++) bench("deprecations", () => d.assessment(doc, "1.1"));
