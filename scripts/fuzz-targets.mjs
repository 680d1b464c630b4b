// The inputs and targets of `npm run fuzz` (see fuzz.mjs): a seeded generator of documents and texts,
// and every public entry point that takes untrusted data, each called once per input.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const load = (name) => import(join(root, "packages", name, "dist/index.js"));
const [schema, model, core, coreJson, scoring, report, cli] = await Promise.all([
  load("schema"),
  load("model"),
  load("core"),
  import(join(root, "packages/core/dist/json.js")),
  load("scoring"),
  load("adapter-report"),
  load("cli"),
]);

// Seeds: every valid example, the example assessments, and the content of the shipped plugins.
const seeds = [];
const readJson = (file) => JSON.parse(readFileSync(file, "utf8"));
for (const folder of ["examples/valid", "examples/assessments"]) {
  for (const name of readdirSync(join(root, folder)).filter((f) => f.endsWith(".json")).sort()) seeds.push(readJson(join(root, folder, name)));
}
// One host for the whole run: building a host (plugin discovery, content, schema merge) per input is
// what made a simple harness crawl.
const host = core.createHost({ cwd: root, points: [scoring.scoringModelsPoint] });
const installed = host.documents();
const benchmark = host.catalog().benchmark("eurocities.neighbourhood-participation");
const scales = host.catalog().scales();
const model0 = await host.contribution(scoring.scoringModelsPoint, "cohesion.weighted-mean");
seeds.push(...installed.filter((_, i) => i % 7 === 0));
// The installed documents checked for integrity with every eighth input: the first 40 and those they refer
// to, so that every problem found is the input's own. (The first 40 alone left 38 references unresolved,
// the same 38 problems with their did-you-mean searches every time: over a third of the integrity check.)
const context = installed.slice(0, 40);
for (;;) {
  const missing = new Set();
  for (const problem of model.checkIntegrity(context).errors) {
    const { ref, refKind } = problem.params;
    const found = problem.code === "unresolved_reference" ? installed.find((d) => d.id === ref && d.kind === refKind) : undefined;
    if (found && !context.includes(found)) missing.add(found);
  }
  if (missing.size === 0) break;
  context.push(...missing);
}
// Arrays cut to two items and prose to 40 characters: every code path of a validator is reached by a
// small document as well as by a large one, and a small one costs a fraction of the time. (Long strings
// come from the generator; large inputs have tests of their own.)
const small = (value) =>
  Array.isArray(value)
    ? value.slice(0, 2).map(small)
    : value && typeof value === "object"
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, small(v)]))
      : typeof value === "string" && value.length > 40 && value.includes(" ")
        ? value.slice(0, 40)
        : value;
seeds.splice(0, seeds.length, ...seeds.map(small));
// Each input needs a fresh copy of its seed. Each seed is compiled once into a function returning it as an
// object literal: V8 then builds the copy from a template, several times faster than copying by hand
// (and than parsing the seed's text again, or structuredClone). A "__proto__" key is written as a computed
// key, which makes an own member as JSON.parse does (a plain one would set the prototype).
const literal = (value) => {
  if (value === null || typeof value !== "object") return Object.is(value, -0) ? "-0" : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(",")}]`;
  return `{${Object.keys(value).map((key) => `${key === "__proto__" ? '["__proto__"]' : JSON.stringify(key)}:${literal(value[key])}`).join(",")}}`;
};
const copiers = seeds.map((seed) => new Function(`return ${literal(seed)};`));
const kinds = ["framework", "scale", "benchmark", "practice", "place", "scheme", "assessment", "score-report", "plugin-manifest"];

/** A small, fast, seeded generator (mulberry32). */
function generator(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  return { next, int, pick };
}

const NASTY_STRINGS = ["", " ", "__proto__", "constructor", "prototype", "n/a", "1.0", "9.9", "\u0000", "\ud800", "😀".repeat(3), "é", "-1", "1e309", "javascript:alert(1)", "<script>", "../../etc/passwd", "eurocities.neighbourhood-participation", "full", "partial"];
// Strings past the schemas' length limits (500, 2,000, 4,000 and 20,000 characters). Drawn for about one
// value in a hundred: every target pays for their length, and one in a hundred still reaches each limit
// thousands of times a second.
const LONG_STRINGS = ["a".repeat(501), "é".repeat(2_001), "b".repeat(4_001), "x".repeat(20_001)];
const nastyString = (g) => (g.int(100) === 0 ? g.pick(LONG_STRINGS) : g.pick(NASTY_STRINGS));
const NASTY_VALUES = [null, true, false, 0, -1, 1.5, 1e308, -0, 2 ** 53 + 1, [], {}, [null], { "": null }];
// A fresh copy of a nasty value: the constants must not be mutated into each other (or into cycles)
// across inputs. Copied by hand: the values are flat, and structuredClone is several times slower.
const nastyValue = (g) => {
  const value = g.pick(NASTY_VALUES);
  if (value === null || typeof value !== "object") return value;
  return Array.isArray(value) ? value.slice() : { ...value };
};

function randomValue(g, depth) {
  const roll = g.int(10);
  if (roll < 3) return nastyString(g);
  if (roll < 5) return nastyValue(g);
  if (roll < 6 && depth < 4) return Array.from({ length: g.int(4) }, () => randomValue(g, depth + 1));
  if (roll < 7 && depth < 4) return Object.fromEntries(Array.from({ length: g.int(4) }, () => [nastyString(g), randomValue(g, depth + 1)]));
  if (roll < 8) return g.int(1000) - 500;
  return String.fromCharCode(...Array.from({ length: g.int(12) }, () => g.int(0x3000)));
}

/**
 * Every place in a value where a mutation can land, as two parallel lists (containers and keys): a pair
 * array per place was a tenth of making an input.
 */
function slots(value, containers = [], keys = [], depth = 0) {
  if (value === null || typeof value !== "object" || depth > 12) return { containers, keys };
  for (const key of Object.keys(value)) {
    containers.push(value);
    keys.push(key);
    slots(value[key], containers, keys, depth + 1);
  }
  return { containers, keys };
}

/**
 * `[...list, ...list]`, by index: the spread sent the optimised mutatedDocument back to the interpreter each
 * time it met an array of another elements kind, and it was compiled again several times per run.
 */
function twice(list) {
  const out = [];
  for (let round = 0; round < 2; round++) for (let i = 0; i < list.length; i++) out.push(list[i]);
  return out;
}

/** A seed document with a few random mutations: removed, replaced, retyped, added, deeply nested members. */
function mutatedDocument(g) {
  const document = g.pick(copiers)();
  const mutations = 1 + g.int(4);
  // Listed once per document: a place a mutation has cut off still takes the next one, harmlessly.
  const places = slots(document);
  for (let m = 0; m < mutations; m++) {
    if (places.keys.length === 0) break;
    // g.pick(list) as one draw over both lists.
    const at = g.int(places.keys.length);
    const container = places.containers[at];
    const key = places.keys[at];
    const op = g.int(8);
    if (op === 0) delete container[key];
    else if (op === 1) container[key] = randomValue(g, 0);
    else if (op === 2) container[key] = Array.isArray(container[key]) ? twice(container[key]) : [container[key]];
    else if (op === 3) Object.defineProperty(container, nastyString(g), { value: randomValue(g, 0), enumerable: true, configurable: true, writable: true });
    else if (op === 4) container[key] = typeof container[key] === "string" ? `${container[key]}${nastyString(g)}` : String(container[key]);
    else if (op === 5 && key !== "kind") container["kind"] = g.pick(kinds);
    else if (op === 6) {
      let deep = randomValue(g, 0);
      for (let d = 0; d < 20 + g.int(80); d++) deep = { subQuestions: [deep] };
      container[key] = deep;
    } else container[key] = nastyValue(g);
  }
  return document;
}

/**
 * A JSON text, often broken: cut short, bytes flipped, keys repeated, encodings mixed. `wellFormed` when
 * it is JSON by construction (JSON.stringify's text, a key repeated or a byte order mark put before it).
 */
function mutatedText(g, document) {
  let text = JSON.stringify(document, null, g.int(2) === 0 ? 2 : undefined) ?? "null";
  const op = g.int(8);
  if (op === 0) text = text.slice(0, g.int(text.length + 1));
  else if (op === 1) {
    const at = g.int(text.length);
    text = `${text.slice(0, at)}${g.pick(["{", "}", "[", "]", ",", ":", '"', "\\", "\n", "\ufeff", "\u2028"])}${text.slice(at + 1)}`;
  } else if (op === 2) text = text.replace(/^\{"kind"/, '{"kind":"x","kind"');
  else if (op === 3) text = `\ufeff${text}`;
  return { text, wellFormed: op >= 2 };
}

/** The input of (seed, index): a mutated document and a JSON text made from it. */
function inputAt(seed, index) {
  const g = generator((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  const document = mutatedDocument(g);
  return { g, document, ...mutatedText(g, document) };
}

const failures = [];
const times = {};
const protoKeys = Object.getOwnPropertyNames(Object.prototype).length;

// Each target is called with its arguments (`fn(a, b)`; those that take one ignore `b`), not through a closure
// made for every input: the optimising compiler folded each such closure, and the library code it calls, into
// the loop of runFuzz and into a compiled closure per target, compiling the same code again and again while
// the run warmed up.
function call(target, index, fn, a, b) {
  const start = performance.now();
  try {
    return fn(a, b);
  } catch (error) {
    failures.push({ index, target, reason: `threw ${error?.name ?? typeof error}: ${String(error?.message ?? error).slice(0, 300)}` });
    return undefined;
  } finally {
    times[target] = (times[target] ?? 0) + performance.now() - start;
  }
}

// The targets that take more than the input.
const readLines = (bytes) => cli.parseLineBatch(cli.linesOfBytes({ type: "bytes", file: "fuzz.ndjson", firstLine: 1, lineCount: 1, bytes }));
const validateWithHost = (value) => host.validate(value);
const score = (value) => scoring.scoreAssessment(value, benchmark, { model: model0, scales });
const renderReport = (scoreReport) => report.renderMarkdownReport({ report: scoreReport, generatedOn: "2026-01-01" });

// `reason` may be a function: a message that takes work to write is written only for a failure.
function check(index, target, ok, reason) {
  if (!ok) failures.push({ index, target, reason: typeof reason === "function" ? reason() : reason });
}

const isReport = (r) => r !== null && typeof r === "object" && typeof r.valid === "boolean" && Array.isArray(r.errors);

/** How many inputs a worker claims at a time: small enough that workers end within moments of each other. */
export const CHUNK = 64;

/**
 * Runs the inputs of the chunks `claim()` hands out (the first index of a chunk of {@link CHUNK}, or -1
 * when none is left), never past `from + count`; every input depends only on (seed, index), so workers
 * claiming from one shared counter run every input once, whichever of them is quicker. Answers the
 * inputs run, the time spent in each target (ms) and the failures.
 */
export async function runFuzz({ seed, count, from = 0, seconds = Infinity, claim, onInput = () => {} }) {
  const started = performance.now();
  const end = from + count;
  let inputs = 0;
  chunks: for (let start = claim(); start !== -1; start = claim()) {
    for (let index = start, stop = Math.min(start + CHUNK, end); index < stop; index++) {
      if ((inputs & 255) === 0 && (performance.now() - started) / 1000 > seconds) break chunks;
      onInput(index);
      const { g, document, text, wellFormed } = inputAt(seed, index);
      inputs++;

      // Text: the JSON readers of core and the CLI's NDJSON reader, which must agree on what parses.
      const parsed = call("core.parseJsonText", index, core.parseJsonText, text);
      const documentRead = call("core.parseJsonDocument", index, coreJson.parseJsonDocument, text);
      // What JSON.parse says of the text, which the readers must agree with. A text made well-formed is known
      // to parse, so the value core.parseJsonText answered for it serves as JSON.parse's (parsing it once more
      // would only repeat the reader's work); any other text, or one the reader refused, is parsed here.
      let jsonParse;
      if (wellFormed && parsed?.ok) jsonParse = { ok: true, value: parsed.value };
      else {
        // Only whether JSON.parse throws is used: the stack trace of its SyntaxError, most of the cost of a
        // refusal, is not captured (as core's parseOrRefuse does).
        const limit = Error.stackTraceLimit;
        Error.stackTraceLimit = 0;
        try {
          jsonParse = { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
        } catch {
          jsonParse = { ok: false };
        } finally {
          Error.stackTraceLimit = limit;
        }
      }
      if (parsed) check(index, "core.parseJsonText", parsed.ok === jsonParse.ok, `says ok=${parsed.ok}, JSON.parse says ok=${jsonParse.ok}`);
      if (documentRead) check(index, "core.parseJsonDocument", documentRead.ok === jsonParse.ok, `says ok=${documentRead.ok}, JSON.parse says ok=${jsonParse.ok}`);
      if (documentRead?.ok && parsed?.ok) {
        const quick = coreJson.hasDuplicateKeys(text, documentRead.value);
        check(index, "core.hasDuplicateKeys", quick === documentRead.duplicates.length > 0, `quick check says ${quick}, the scan found ${documentRead.duplicates.length}`);
      }
      // Now and then the text as it is: an indented text is dozens of broken lines for the NDJSON reader.
      const bytes = Buffer.from(index % 25 === 0 ? `${text}\n${text.replace(/\n/g, " ")}\n` : `${text.replace(/\n/g, " ")}\n`, index % 7 === 0 ? "latin1" : "utf8");
      call("cli.linesOfBytes", index, readLines, bytes);

      // Values: the schema validators (ajv) and the model's parsers (zod) must give the same verdict.
      const value = jsonParse.ok ? jsonParse.value : document;
      const validated = call("schema.validate", index, schema.validate, value);
      const parsedDocument = call("model.parseDocument", index, model.parseDocument, value);
      if (validated) check(index, "schema.validate", isReport(validated), "did not answer with a report");
      if (validated && parsedDocument) {
        check(index, "validate≡parseDocument", validated.valid === parsedDocument.ok, () => `validate says valid=${validated.valid}, zod says ok=${parsedDocument.ok}: ${JSON.stringify((validated.valid ? parsedDocument.report : validated).errors.slice(0, 2).map((p) => `${p.code} ${p.pointer}`))}`);
      }
      const kind = g.pick(kinds);
      call("schema.validateAs", index, schema.validateAs, kind, value);
      call("host.validate", index, validateWithHost, value);
      call("model.checkIntegrity", index, model.checkIntegrity, index % 8 === 0 ? [value, ...context] : [value]);
      call("model.migrate", index, model.migrate, value, g.pick(["1.0", "1.1", "2.0"]));
      if (value && typeof value === "object" && value.kind === "assessment" && benchmark && model0) {
        const scored = call("scoring.scoreAssessment", index, score, value);
        if (scored?.ok && index % 4 === 0) call("report.renderMarkdownReport", index, renderReport, scored.report);
      }
      if ((index & 63) === 0) {
        const keys = Object.getOwnPropertyNames(Object.prototype).length;
        const clean = keys === protoKeys && ({}).polluted === undefined && Object.getPrototypeOf({}) === Object.prototype;
        check(index, "prototype", clean, "Object.prototype was changed");
        if (!clean) break chunks;
      }
      if (failures.length >= 20) break chunks;
    }
  }
  return { seed, inputs, times, failures };
}
