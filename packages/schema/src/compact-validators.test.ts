import { jsonValueWithKeys, mutatedDocument, PROTOTYPE_KEYS, VALID_DOCUMENTS } from "@cohesion/test-support";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as compiled from "./generated/validators";
import * as compact from "./generated/validators.compact.js";
import type { PrecompiledValidator } from "./generated/validators";
import * as node from "./index";
import { DOCUMENT_KINDS } from "./kinds";
import { bundleForBrowser, readExamples, invalidExamplesDir, validExamplesDir } from "./test-support";

// The browser build differs from the Node build only in its validators module (see
// scripts/browser-build.mjs); these tests hold the two to the same answers on every input.

const examples = [...readExamples(validExamplesDir), ...readExamples(invalidExamplesDir)].map((e) => e.document);
const documents = [...examples, ...Object.values(VALID_DOCUMENTS)];

const hostileKey = fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, "kind", "", "a/b", "~0", "prototype"), fc.string({ maxLength: 12 }));
const jsonValue = jsonValueWithKeys(hostileKey);
/** Arbitrary JSON given the `kind` of a document, so each kind's validator sees it. */
const anyDocument = fc.tuple(fc.constantFrom(...DOCUMENT_KINDS, "nonsense"), fc.dictionary(hostileKey, jsonValue, { maxKeys: 6 })).map(([kind, body]) => ({ kind, ...(JSON.parse(JSON.stringify(body)) as object) }));

function nested(levels: number, asArray: boolean, kind: string): unknown {
  let value: unknown = "leaf";
  for (let i = 0; i < levels; i++) value = asArray ? [value] : { kind, subQuestions: value, params: value };
  return value;
}
const deepDocuments = DOCUMENT_KINDS.flatMap((kind) =>
  [3, 90, 92, 99, 100, 101, 130].flatMap((levels) => [
    nested(levels, false, kind),
    { ...(VALID_DOCUMENTS as Record<string, object>)[kind.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())], notes: nested(levels, true, kind) },
  ]),
);

/** A guide question with sub-questions nested `levels` deep (a $ref loop), wrong at the bottom when asked. */
function questions(levels: number, wrongAtBottom: boolean): Record<string, unknown> {
  let question: Record<string, unknown> = { id: "q", text: wrongAtBottom ? 7 : "Deepest question." };
  for (let i = 0; i < levels; i++) question = { id: `q${i}`, text: "A question.", subQuestions: [question] };
  return question;
}
for (const levels of [40, 44, 45, 46, 47, 60, 2000]) {
  for (const wrongAtBottom of [false, true]) {
    const benchmark = structuredClone(VALID_DOCUMENTS.benchmark) as Record<string, any>;
    benchmark.sections[0].keyFactors[0].guideQuestions[0] = questions(levels, wrongAtBottom);
    deepDocuments.push(benchmark, { ...benchmark, colour: "red" });
  }
}

const validatorNames = Object.keys(compiled).filter((name) => typeof (compiled as Record<string, unknown>)[name] === "function" && "collect" in (compiled as Record<string, object>)[name]!);

/** Both modules' answers to `data`: every validator's fast check and full error list, and every quick check. */
function expectSameAnswers(data: unknown): void {
  for (const name of validatorNames) {
    const a = (compiled as unknown as Record<string, PrecompiledValidator>)[name]!;
    const b = (compact as unknown as Record<string, PrecompiledValidator>)[name]!;
    expect(b(data), name).toBe(a(data));
    const [errorsA, errorsB] = [a.collect(data), b.collect(data)];
    expect(errorsB, name).toEqual(errorsA);
    expect(errorsB.deep, name).toBe(errorsA.deep);
  }
  for (const kind of ["assessment", "benchmark", "scale", "place", "practice"] as const) {
    expect(compact[`${kind}Passes`](data)).toBe(compiled[`${kind}Passes`](data));
  }
  for (const part of ["frame", "name", "level", "notes"] as const) expect(compact.assessmentSplit?.[part](data)).toBe(compiled.assessmentSplit?.[part](data));
}

/** `validateScoreReport` and the like: the per-kind function of a build. */
function perKind(build: typeof node, kind: (typeof DOCUMENT_KINDS)[number]): (document: unknown) => node.ValidationReport {
  const name = `validate${kind.replace(/(^|-)([a-z])/g, (_m, _s, c: string) => c.toUpperCase())}` as keyof typeof node;
  return build[name] as (document: unknown) => node.ValidationReport;
}

describe("the compact validators (browser build)", () => {
  let browser: typeof node;
  beforeAll(async () => {
    const result = await bundleForBrowser({ compact: true });
    const inputs = Object.keys(result.metafile.inputs);
    // The browser build carries the compact validators and not the compiled ones.
    expect(inputs.filter((i) => i.endsWith("/generated/validators.compact.js"))).toHaveLength(1);
    expect(inputs.filter((i) => i.endsWith("/generated/validators.js"))).toEqual([]);
    const text = result.outputFiles[0]?.text ?? "";
    browser = (await import(/* @vite-ignore */ `data:text/javascript;base64,${Buffer.from(text).toString("base64")}`)) as typeof node;
  });

  it("export what the compiled validators export", () => {
    expect(Object.keys(compact).sort()).toEqual(Object.keys(compiled).sort());
  });

  it("give the same validate() reports on every example, valid and invalid, and on the fixtures", () => {
    for (const document of documents) {
      expect(browser.validate(document)).toEqual(node.validate(document));
      expectSameAnswers(document);
    }
  });

  it("give the same reports on documents nested up to and beyond the depth limits", () => {
    for (const document of deepDocuments) {
      expect(browser.validate(document)).toEqual(node.validate(document));
      for (const kind of DOCUMENT_KINDS) expect(browser.validateAs(kind, document)).toEqual(node.validateAs(kind, document));
      expectSameAnswers(document);
    }
  });

  it("give the same reports on mutated documents (wrong types, missing fields, unknown and prototype-named keys)", () => {
    fc.assert(
      fc.property(mutatedDocument(documents), (document) => {
        expect(browser.validate(document)).toEqual(node.validate(document));
        // The per-kind functions, which give a kind's validator only the error mappings its schema needs.
        const kind = DOCUMENT_KINDS.find((k) => typeof document === "object" && document !== null && k === (document as { kind?: unknown }).kind);
        if (kind !== undefined) expect(perKind(browser, kind)(document)).toEqual(node.validateAs(kind, document));
        expectSameAnswers(document);
      }),
      { numRuns: 1500 },
    );
  });

  it("give the same reports on arbitrary JSON, read as each kind", () => {
    fc.assert(
      fc.property(anyDocument, (document) => {
        expect(browser.validate(document)).toEqual(node.validate(document));
        const kind = DOCUMENT_KINDS.find((k) => k === document.kind) ?? "place";
        expect(browser.validateAs(kind, document)).toEqual(node.validateAs(kind, document));
        expectSameAnswers(document);
      }),
      { numRuns: 1500 },
    );
  });
});
