import { escapePointerSegment, joinPointer } from "../report";
import { asArray, asRecord, asString, ownKeys, type Json } from "./access";
import { checkReference, type DocumentContext } from "./context";
import { checkBenchmarkRef, checkLevel } from "./resolve";
import { didYouMean, hint } from "./suggest";

function checkSubject(context: DocumentContext, doc: Json): void {
  const subject = asRecord(doc["subject"]);
  if (!subject) return;
  const type = asString(subject["type"]);
  const { places, schemes } = context.registry;
  if (type === "scheme") checkReference(context, "/subject/ref", subject["ref"], "scheme", schemes);
  else if (type === "place") checkReference(context, "/subject/ref", subject["ref"], "place", places);
}

/**
 * Checks an assessment against the benchmark version it answers: the benchmark and version exist,
 * every answer is to a guide question of that version with a level of the scale used, context
 * factors and key factor targets exist; the subject and the scale resolve.
 */
export function checkAssessment(context: DocumentContext): void {
  const { doc } = context.entry;
  checkSubject(context, doc);
  asArray(doc["assessedBy"]).forEach((actor, index) => {
    checkReference(context, `/assessedBy/${index}/placeRef`, asRecord(actor)?.["placeRef"], "place", context.registry.places);
  });
  const explicitScale = asString(doc["scale"]);
  if (explicitScale !== undefined) checkReference(context, "/scale", explicitScale, "scale", context.registry.scales);

  const benchmarkRef = asRecord(doc["benchmark"]);
  const facts = benchmarkRef ? checkBenchmarkRef(context, "/benchmark", benchmarkRef) : undefined;
  const scaleId = explicitScale ?? facts?.defaultScale;
  const answers = asRecord(doc["answers"]);

  if (answers && scaleId !== undefined) {
    for (const questionId of Object.keys(answers)) {
      const pointer = joinPointer("/answers", questionId);
      checkLevel(context, `${pointer}/level`, asRecord(answers[questionId])?.["level"], scaleId, { allowNotApplicable: true });
    }
  }
  if (!facts) return;
  const benchmarkId = facts.entry.id ?? "";
  const version = facts.version;

  for (const questionId of ownKeys(doc["answers"])) {
    if (facts.questionIds.has(questionId)) continue;
    const suggestion = didYouMean(questionId, facts.questionIds);
    context.report("unknown_guide_question", `/answers/${escapePointerSegment(questionId)}`, {
      questionId,
      benchmarkId,
      version,
      hint: hint(suggestion),
      ...(suggestion ? { suggestion } : {}),
    });
  }
  for (const contextFactorId of ownKeys(doc["contextFactors"])) {
    if (facts.contextFactorIds.has(contextFactorId)) continue;
    const suggestion = didYouMean(contextFactorId, facts.contextFactorIds);
    context.report("unknown_context_factor", `/contextFactors/${escapePointerSegment(contextFactorId)}`, {
      contextFactorId,
      benchmarkId,
      version,
      hint: hint(suggestion),
      ...(suggestion ? { suggestion } : {}),
    });
  }
  for (const keyFactorId of ownKeys(asRecord(doc["targets"])?.["keyFactors"])) {
    if (facts.keyFactorIds.has(keyFactorId)) continue;
    const suggestion = didYouMean(keyFactorId, facts.keyFactorIds);
    context.report("unknown_key_factor", `/targets/keyFactors/${escapePointerSegment(keyFactorId)}`, {
      keyFactorId,
      benchmarkId,
      version,
      hint: hint(suggestion),
      ...(suggestion ? { suggestion } : {}),
    });
  }
}
