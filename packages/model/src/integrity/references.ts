import type { Benchmark } from "@cohesion/schema";
import { joinPointer } from "../report";
import { walkKeyFactors } from "../walk";
import { asArray, asRecord, asString, type Json } from "./access";
import { checkHashReference, checkReference, type DocumentContext } from "./context";
import { checkBenchmarkRef, checkLevel } from "./resolve";

function checkPlaceRefs(context: DocumentContext, actors: unknown, pointer: string): void {
  asArray(actors).forEach((actor, index) => {
    checkReference(context, joinPointer(pointer, index, "placeRef"), asRecord(actor)?.["placeRef"], "place", context.registry.places);
  });
}

function checkPracticeRefs(context: DocumentContext, refs: unknown, pointer: string): void {
  asArray(refs).forEach((ref, index) => {
    checkReference(context, joinPointer(pointer, index), ref, "practice", context.registry.practices);
  });
}

function checkFrameworkItemRefs(context: DocumentContext, refs: unknown, pointer: string): void {
  asArray(refs).forEach((ref, index) => {
    checkHashReference(context, joinPointer(pointer, index), ref, "framework item", context.registry.frameworks);
  });
}

function checkPractice(context: DocumentContext, doc: Json): void {
  const { registry } = context;
  checkReference(context, "/placeRef", doc["placeRef"], "place", registry.places);
  checkPlaceRefs(context, doc["actors"], "/actors");
  asArray(doc["keyFactors"]).forEach((ref, index) => {
    checkHashReference(context, joinPointer("/keyFactors", index), ref, "key factor", registry.keyFactors);
  });
  checkFrameworkItemRefs(context, doc["domains"], "/domains");
  if (asArray(doc["keyFactors"]).length === 0 && asArray(doc["domains"]).length === 0) {
    context.report("practice_unlinked", "");
  }
}

function checkBenchmark(context: DocumentContext, doc: Json): void {
  const { registry } = context;
  checkReference(context, "/defaultScale", doc["defaultScale"], "scale", registry.scales);
  checkHashReference(context, "/themeRef", doc["themeRef"], "framework item", registry.frameworks);
  checkPlaceRefs(context, doc["contributors"], "/contributors");
  for (const { keyFactor, pointer } of walkKeyFactors(doc as unknown as Benchmark)) {
    checkPracticeRefs(context, keyFactor.practiceRefs, `${pointer}/practiceRefs`);
    asArray(keyFactor.recommendedActions).forEach((action, index) => {
      checkPracticeRefs(context, asRecord(action)?.["practiceRefs"], `${pointer}/recommendedActions/${index}/practiceRefs`);
    });
  }
}

function checkFramework(context: DocumentContext, doc: Json): void {
  const benchmarkIds = new Set(context.registry.benchmarks.keys());
  const visit = (items: unknown, pointer: string, depth: number): void => {
    if (depth > 64) return;
    asArray(items).forEach((item, index) => {
      const record = asRecord(item);
      if (!record) return;
      asArray(record["benchmarkRefs"]).forEach((ref, refIndex) => {
        checkReference(context, joinPointer(pointer, index, "benchmarkRefs", refIndex), ref, "benchmark", benchmarkIds);
      });
      visit(record["items"], joinPointer(pointer, index, "items"), depth + 1);
    });
  };
  visit(doc["items"], "/items", 0);
  asArray(doc["programmes"]).forEach((programme, index) => {
    const record = asRecord(programme);
    const lead = asRecord(record?.["lead"]);
    if (lead) checkReference(context, `/programmes/${index}/lead/placeRef`, lead["placeRef"], "place", context.registry.places);
    checkPlaceRefs(context, record?.["partners"], `/programmes/${index}/partners`);
  });
}

function checkScheme(context: DocumentContext, doc: Json): void {
  const { registry } = context;
  checkReference(context, "/placeRef", doc["placeRef"], "place", registry.places);
  checkReference(context, "/area/placeRef", asRecord(doc["area"])?.["placeRef"], "place", registry.places);
  checkReference(context, "/mentor/placeRef", asRecord(doc["mentor"])?.["placeRef"], "place", registry.places);
  checkPlaceRefs(context, doc["mentees"], "/mentees");
  checkPlaceRefs(context, doc["partners"], "/partners");
  checkPlaceRefs(context, doc["stakeholders"], "/stakeholders");
  checkPracticeRefs(context, doc["practiceRefs"], "/practiceRefs");
  checkFrameworkItemRefs(context, doc["areas"], "/areas");
  asArray(doc["challengesMet"]).forEach((challenge, index) => {
    checkHashReference(context, `/challengesMet/${index}/challenge`, asRecord(challenge)?.["challenge"], "framework item", registry.frameworks);
  });
  const benchmark = asRecord(doc["benchmark"]);
  if (benchmark) checkBenchmarkRef(context, "/benchmark", benchmark);
  const participation = asRecord(doc["participationLevel"]);
  const scaleId = asString(participation?.["scale"]);
  if (participation && scaleId !== undefined) {
    checkReference(context, "/participationLevel/scale", scaleId, "scale", registry.scales);
    checkLevel(context, "/participationLevel/level", participation["level"], scaleId, { allowNotApplicable: false });
  }
}

function checkScaleGroups(context: DocumentContext, doc: Json): void {
  const groups = new Set(asArray(doc["groups"]).flatMap((group) => asString(asRecord(group)?.["id"]) ?? []));
  asArray(doc["levels"]).forEach((level, index) => {
    checkReference(context, `/levels/${index}/group`, asRecord(level)?.["group"], "level group", groups);
  });
}

/**
 * Reports references from one document that do not resolve: places, practices, schemes, scales,
 * benchmarks (and their versions), key factors, framework items and level groups.
 */
export function checkReferences(context: DocumentContext): void {
  const { doc, kind } = context.entry;
  switch (kind) {
    case "practice":
      checkPractice(context, doc);
      break;
    case "benchmark":
      checkBenchmark(context, doc);
      break;
    case "framework":
      checkFramework(context, doc);
      break;
    case "scheme":
      checkScheme(context, doc);
      break;
    case "scale":
      checkScaleGroups(context, doc);
      break;
    default:
      break;
  }
}
