// DO NOT EDIT — generated from schemas/ by scripts/codegen.mjs
/* eslint-disable */
// The zod schemas of every document kind and shared definition, one constant per root or $defs
// entry of the JSON Schemas. Each gives the verdict of @cohesion/schema's validator on every input.
import type { FrameworkItem, GuideQuestion, ScoreNode } from "@cohesion/schema";
import * as z from "zod";
import { documentRules, anyObject, jsonNumber, jsonRecord, jsonString, propertyCount, uniqueItems } from "../zod-json";

/** Schema version: `defs.schema.json#/$defs/schemaVersion`. */
export const schemaVersionSchema = jsonString({ pattern: new RegExp("^1\\.(0|[1-9][0-9]*)$", "u") });

/** Namespaced id: `defs.schema.json#/$defs/namespacedId`. */
export const namespacedIdSchema = jsonString({ pattern: new RegExp("^[a-z0-9]+(?:-[a-z0-9]+)*(?:\\.[a-z0-9]+(?:-[a-z0-9]+)*)+$", "u"), maxLength: 160 });

/** Short text: `defs.schema.json#/$defs/shortText`. */
export const shortTextSchema = jsonString({ minLength: 1, maxLength: 500 });

/** Version: `defs.schema.json#/$defs/semver`. */
export const semverSchema = jsonString({ pattern: new RegExp("^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$", "u"), maxLength: 40 });

/** Country code: `defs.schema.json#/$defs/countryCode`. */
export const countryCodeSchema = jsonString({ pattern: new RegExp("^[A-Z]{2}$", "u") });

/** Text: `defs.schema.json#/$defs/text`. */
export const textSchema = jsonString({ minLength: 1, maxLength: 20000 });

/** Actor: `defs.schema.json#/$defs/actor`. */
export const actorSchema = z.strictObject({ "name": shortTextSchema, "role": textSchema.exactOptional(), "sector": z.enum(["public","private","civil-society","community","academic","international","funder"]).exactOptional(), "country": countryCodeSchema.exactOptional(), "placeRef": namespacedIdSchema.exactOptional() });

/** Calendar date: `defs.schema.json#/$defs/date`. */
export const dateSchema = jsonString({ format: "date" });

/** Partial date: `defs.schema.json#/$defs/partialDate`. */
export const partialDateSchema = jsonString({ pattern: new RegExp("^[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?$", "u") });

/** Link: `defs.schema.json#/$defs/link`. */
export const linkSchema = z.strictObject({ "title": shortTextSchema, "url": jsonString({ maxLength: 2000, format: "uri" }), "date": partialDateSchema.exactOptional() });

/** Provenance: `defs.schema.json#/$defs/provenance`. */
export const provenanceSchema = z.enum(["source","editorial"]);

/** Answer: `assessment.schema.json#/$defs/answer`. */
export const answerSchema = z.strictObject({ "level": jsonString({ pattern: new RegExp("^(?:n/a|[a-z0-9]+(?:-[a-z0-9]+)*)$", "u"), maxLength: 80 }).exactOptional(), "evidence": textSchema.exactOptional(), "evidenceLinks": z.array(linkSchema).min(1).exactOptional(), "notes": textSchema.exactOptional(), "provenance": z.strictObject({ "evidence": provenanceSchema.exactOptional(), "notes": provenanceSchema.exactOptional() }).exactOptional() });

/** Local id: `defs.schema.json#/$defs/localId`. */
export const localIdSchema = jsonString({ pattern: new RegExp("^[a-z0-9]+(?:-[a-z0-9]+)*$", "u"), maxLength: 80 });

/** Context factor mark: `assessment.schema.json#/$defs/contextFactorMark`. */
export const contextFactorMarkSchema = z.strictObject({ "influence": z.enum(["enabling","constraining","neutral"]), "notes": textSchema.exactOptional(), "provenance": z.strictObject({ "notes": provenanceSchema.exactOptional() }).exactOptional() });

/** Score: `defs.schema.json#/$defs/score`. */
export const scoreSchema = jsonNumber({ minimum: 0, maximum: 100 });

/** Year: `defs.schema.json#/$defs/year`. */
export const yearSchema = jsonNumber({ integer: true, minimum: 1800, maximum: 2200 });

/** Source: `defs.schema.json#/$defs/source`. */
export const sourceSchema = z.strictObject({ "publication": shortTextSchema, "authors": z.array(shortTextSchema).exactOptional(), "publisher": shortTextSchema.exactOptional(), "year": yearSchema, "section": shortTextSchema, "pages": jsonString({ maxLength: 40 }).exactOptional(), "url": jsonString({ maxLength: 2000, format: "uri" }).exactOptional() });

/** Sources: `defs.schema.json#/$defs/sources`. */
export const sourcesSchema = z.array(sourceSchema).min(1);

/** Assessment: `assessment.schema.json`. */
export const assessmentSchema = documentRules(z.strictObject({ "kind": z.literal("assessment"), "schemaVersion": schemaVersionSchema, "id": namespacedIdSchema, "title": shortTextSchema.exactOptional(), "benchmark": z.strictObject({ "id": namespacedIdSchema, "version": semverSchema }), "subject": z.strictObject({ "type": z.enum(["place","scheme"]), "ref": namespacedIdSchema.exactOptional(), "name": shortTextSchema, "country": countryCodeSchema.exactOptional() }), "scale": namespacedIdSchema.exactOptional(), "method": z.enum(["self","peer","mentor","external"]), "assessedBy": z.array(actorSchema).min(1), "assessedOn": dateSchema, "answers": jsonRecord(localIdSchema, answerSchema), "contextFactors": jsonRecord(localIdSchema, contextFactorMarkSchema).exactOptional(), "targets": z.strictObject({ "overall": scoreSchema.exactOptional(), "keyFactors": jsonRecord(localIdSchema, scoreSchema).exactOptional() }).exactOptional(), "illustrative": z.boolean().exactOptional(), "notes": textSchema.exactOptional(), "sources": sourcesSchema.exactOptional() }));

/** Framework item reference: `defs.schema.json#/$defs/frameworkItemRef`. */
export const frameworkItemRefSchema = jsonString({ pattern: new RegExp("^[a-z0-9]+(?:-[a-z0-9]+)*(?:\\.[a-z0-9]+(?:-[a-z0-9]+)*)+#[a-z0-9]+(?:-[a-z0-9]+)*$", "u"), maxLength: 240 });

/** Glossary entry: `defs.schema.json#/$defs/glossaryEntry`. */
export const glossaryEntrySchema = z.strictObject({ "term": shortTextSchema, "definition": textSchema, "provenance": z.strictObject({ "definition": provenanceSchema.exactOptional() }).exactOptional(), "sources": sourcesSchema.exactOptional() });

/** Weight: `defs.schema.json#/$defs/weight`. */
export const weightSchema = jsonNumber({ minimum: 0, maximum: 1000000 });

/** Guide question: `benchmark.schema.json#/$defs/guideQuestion`. */
export const guideQuestionSchema: z.ZodType<GuideQuestion> = z.strictObject({ "id": localIdSchema, "text": textSchema, "guidance": textSchema.exactOptional(), "weight": weightSchema.exactOptional(), "provenance": z.strictObject({ "text": provenanceSchema.exactOptional(), "guidance": provenanceSchema.exactOptional() }).exactOptional(), "subQuestions": z.array(z.lazy(() => guideQuestionSchema)).exactOptional() });

/** Recommended action: `benchmark.schema.json#/$defs/recommendedAction`. */
export const recommendedActionSchema = z.strictObject({ "id": localIdSchema, "title": shortTextSchema, "description": textSchema.exactOptional(), "provenance": z.strictObject({ "description": provenanceSchema.exactOptional() }).exactOptional(), "practiceRefs": uniqueItems(z.array(namespacedIdSchema)).exactOptional() });

/** Key factor: `benchmark.schema.json#/$defs/keyFactor`. */
export const keyFactorSchema = z.strictObject({ "id": localIdSchema, "number": jsonNumber({ integer: true, minimum: 1 }).exactOptional(), "title": shortTextSchema, "titleParts": z.array(shortTextSchema).min(2).exactOptional(), "statement": textSchema.exactOptional(), "rationale": textSchema.exactOptional(), "pitfalls": z.array(textSchema).exactOptional(), "weight": weightSchema.exactOptional(), "guideQuestions": z.array(guideQuestionSchema).min(1), "practicalTips": z.array(textSchema).exactOptional(), "recommendedActions": z.array(recommendedActionSchema).exactOptional(), "practiceRefs": uniqueItems(z.array(namespacedIdSchema)).exactOptional(), "provenance": z.strictObject({ "statement": provenanceSchema.exactOptional(), "rationale": provenanceSchema.exactOptional(), "pitfalls": provenanceSchema.exactOptional(), "practicalTips": provenanceSchema.exactOptional() }).exactOptional(), "sources": sourcesSchema.exactOptional() });

/** Section: `benchmark.schema.json#/$defs/section`. */
export const sectionSchema = z.strictObject({ "id": localIdSchema, "title": shortTextSchema, "description": textSchema.exactOptional(), "weight": weightSchema.exactOptional(), "provenance": z.strictObject({ "description": provenanceSchema.exactOptional() }).exactOptional(), "keyFactors": z.array(keyFactorSchema).min(1) });

/** Context factor: `benchmark.schema.json#/$defs/contextFactor`. */
export const contextFactorSchema = z.strictObject({ "id": localIdSchema, "title": shortTextSchema, "titleParts": z.array(shortTextSchema).min(2).exactOptional(), "description": textSchema.exactOptional(), "mayInvolve": z.array(textSchema).exactOptional(), "provenance": z.strictObject({ "description": provenanceSchema.exactOptional(), "mayInvolve": provenanceSchema.exactOptional() }).exactOptional() });

/** Period: `defs.schema.json#/$defs/period`. */
export const periodSchema = propertyCount(z.strictObject({ "start": partialDateSchema.exactOptional(), "end": partialDateSchema.exactOptional(), "ongoing": z.boolean().exactOptional(), "duration": shortTextSchema.exactOptional(), "note": textSchema.exactOptional() }), { minProperties: 1 });

/** Qualifier: `defs.schema.json#/$defs/qualifier`. */
export const qualifierSchema = z.enum(["exactly","about","over","under","nearly","up-to","at-least"]);

/** Figure: `defs.schema.json#/$defs/figure`. */
export const figureSchema = z.strictObject({ "indicator": textSchema, "value": z.number(), "unit": shortTextSchema, "year": yearSchema.exactOptional(), "period": periodSchema.exactOptional(), "qualifier": qualifierSchema.exactOptional(), "place": shortTextSchema.exactOptional(), "note": textSchema.exactOptional() });

/** Statistic: `defs.schema.json#/$defs/statistic`. */
export const statisticSchema = z.strictObject({ "id": localIdSchema, "statement": textSchema, "figures": z.array(figureSchema).min(1), "citedSource": shortTextSchema.exactOptional(), "sources": sourcesSchema });

/** Benchmark: `benchmark.schema.json`. */
export const benchmarkSchema = documentRules(z.strictObject({ "kind": z.literal("benchmark"), "schemaVersion": schemaVersionSchema, "id": namespacedIdSchema, "version": semverSchema, "title": shortTextSchema, "publisher": shortTextSchema.exactOptional(), "themeRef": frameworkItemRefSchema.exactOptional(), "standard": textSchema, "rationale": textSchema.exactOptional(), "coverage": z.array(textSchema).exactOptional(), "glossary": z.array(glossaryEntrySchema).exactOptional(), "defaultScale": namespacedIdSchema, "sections": z.array(sectionSchema).min(1), "contextFactors": z.array(contextFactorSchema).exactOptional(), "contributors": z.array(actorSchema).exactOptional(), "statistics": z.array(statisticSchema).exactOptional(), "provenance": z.strictObject({ "standard": provenanceSchema.exactOptional(), "rationale": provenanceSchema.exactOptional(), "coverage": provenanceSchema.exactOptional() }).exactOptional(), "sources": sourcesSchema }));

/** Key factor reference: `defs.schema.json#/$defs/keyFactorRef`. */
export const keyFactorRefSchema = jsonString({ pattern: new RegExp("^[a-z0-9]+(?:-[a-z0-9]+)*(?:\\.[a-z0-9]+(?:-[a-z0-9]+)*)+#[a-z0-9]+(?:-[a-z0-9]+)*$", "u"), maxLength: 240 });

/** Percentage: `defs.schema.json#/$defs/percent`. */
export const percentSchema = jsonNumber({ minimum: 0, maximum: 100 });

/** Money: `defs.schema.json#/$defs/money`. */
export const moneySchema = z.strictObject({ "amount": jsonNumber({ minimum: 0 }), "currency": jsonString({ pattern: new RegExp("^[A-Z]{3}$", "u") }), "per": z.enum(["total","year","month","project","person"]).exactOptional(), "year": yearSchema.exactOptional(), "qualifier": qualifierSchema.exactOptional(), "note": textSchema.exactOptional() });

/** Benchmark reference: `defs.schema.json#/$defs/benchmarkRef`. */
export const benchmarkRefSchema = z.strictObject({ "id": namespacedIdSchema, "version": semverSchema.exactOptional() });

/** Framework item: `framework.schema.json#/$defs/frameworkItem`. */
export const frameworkItemSchema: z.ZodType<FrameworkItem> = z.strictObject({ "id": localIdSchema, "title": shortTextSchema, "titleParts": z.array(shortTextSchema).min(2).exactOptional(), "code": jsonString({ maxLength: 40 }).exactOptional(), "itemType": z.enum(["domain","area-of-intervention","theme","block","objective","factor","term","relationship","challenge","lesson","barrier","success-factor"]).exactOptional(), "description": textSchema.exactOptional(), "year": yearSchema.exactOptional(), "effect": z.enum(["promotes","hinders","mixed"]).exactOptional(), "examples": z.array(textSchema).exactOptional(), "benchmarkRefs": uniqueItems(z.array(namespacedIdSchema)).exactOptional(), "provenance": z.strictObject({ "description": provenanceSchema.exactOptional(), "examples": provenanceSchema.exactOptional() }).exactOptional(), "items": z.array(z.lazy(() => frameworkItemSchema)).exactOptional(), "sources": sourcesSchema.exactOptional() });

/** Programme: `framework.schema.json#/$defs/programme`. */
export const programmeSchema = z.strictObject({ "id": localIdSchema, "name": shortTextSchema, "acronym": jsonString({ maxLength: 40 }).exactOptional(), "period": periodSchema.exactOptional(), "lead": actorSchema.exactOptional(), "partners": z.array(actorSchema).exactOptional(), "funding": textSchema.exactOptional(), "description": textSchema.exactOptional(), "outputs": z.array(textSchema).exactOptional(), "sources": sourcesSchema });

/** Framework: `framework.schema.json`. */
export const frameworkSchema = documentRules(z.strictObject({ "kind": z.literal("framework"), "schemaVersion": schemaVersionSchema, "id": namespacedIdSchema, "title": shortTextSchema, "frameworkType": z.enum(["domain-model","areas-of-intervention","toolkit-series","checklist","key-terms","factors","typology"]), "description": textSchema.exactOptional(), "version": semverSchema.exactOptional(), "items": z.array(frameworkItemSchema).min(1), "glossary": z.array(glossaryEntrySchema).exactOptional(), "programmes": z.array(programmeSchema).exactOptional(), "statistics": z.array(statisticSchema).exactOptional(), "sources": sourcesSchema }));

/** Place: `place.schema.json`. */
export const placeSchema = documentRules(z.strictObject({ "kind": z.literal("place"), "schemaVersion": schemaVersionSchema, "id": namespacedIdSchema, "name": shortTextSchema, "localName": shortTextSchema.exactOptional(), "country": countryCodeSchema, "region": shortTextSchema.exactOptional(), "population": z.strictObject({ "value": jsonNumber({ integer: true, minimum: 0 }), "year": yearSchema.exactOptional(), "qualifier": qualifierSchema.exactOptional(), "note": textSchema.exactOptional() }).exactOptional(), "metropolitanPopulation": z.strictObject({ "value": jsonNumber({ integer: true, minimum: 0 }), "year": yearSchema.exactOptional(), "qualifier": qualifierSchema.exactOptional(), "note": textSchema.exactOptional() }).exactOptional(), "sizeBand": z.enum(["small","medium","large","metropolitan"]).exactOptional(), "migrantShares": z.array(z.strictObject({ "measure": z.enum(["foreign-born","foreign-nationals","other-language-speakers","minority-ethnic","migrant-background","third-country-nationals","refugees","migrants","non-western-origin"]), "percent": percentSchema, "year": yearSchema.exactOptional(), "qualifier": qualifierSchema.exactOptional(), "scope": shortTextSchema.exactOptional(), "definition": textSchema })).exactOptional(), "description": textSchema.exactOptional(), "sources": sourcesSchema }));

/** Plugin manifest: `plugin-manifest.schema.json`. */
export const pluginManifestSchema = documentRules(z.strictObject({ "kind": z.literal("plugin-manifest"), "schemaVersion": schemaVersionSchema, "id": localIdSchema, "manifestVersion": z.literal(1), "displayName": shortTextSchema.exactOptional(), "description": textSchema.exactOptional(), "engines": z.strictObject({ "cohesion": jsonString({ minLength: 1, maxLength: 200 }) }), "main": jsonString({ minLength: 1, maxLength: 500 }).exactOptional(), "contributes": z.strictObject({ "frameworks": z.array(jsonString({ minLength: 1, maxLength: 500 })).exactOptional(), "scales": z.array(jsonString({ minLength: 1, maxLength: 500 })).exactOptional(), "benchmarks": z.array(jsonString({ minLength: 1, maxLength: 500 })).exactOptional(), "practices": z.array(jsonString({ minLength: 1, maxLength: 500 })).exactOptional(), "places": z.array(jsonString({ minLength: 1, maxLength: 500 })).exactOptional(), "schemes": z.array(jsonString({ minLength: 1, maxLength: 500 })).exactOptional(), "assessments": z.array(jsonString({ minLength: 1, maxLength: 500 })).exactOptional(), "scoringModels": z.array(z.strictObject({ "id": namespacedIdSchema, "title": shortTextSchema, "description": textSchema.exactOptional() })).exactOptional(), "adapters": z.array(z.strictObject({ "id": namespacedIdSchema, "title": shortTextSchema, "format": shortTextSchema, "direction": z.enum(["import","export","both"]) })).exactOptional(), "schemaExtensions": z.array(z.strictObject({ "kind": z.enum(["framework","scale","benchmark","practice","place","scheme","assessment"]), "patch": jsonString({ minLength: 1, maxLength: 500 }), "schemaVersions": jsonString({ minLength: 1, maxLength: 100 }).exactOptional() })).exactOptional() }) }));

/** Practice: `practice.schema.json`. */
export const practiceSchema = documentRules(z.strictObject({ "kind": z.literal("practice"), "schemaVersion": schemaVersionSchema, "id": namespacedIdSchema, "title": shortTextSchema, "subtitle": shortTextSchema.exactOptional(), "localTitle": shortTextSchema.exactOptional(), "city": shortTextSchema.exactOptional(), "country": countryCodeSchema, "placeRef": namespacedIdSchema.exactOptional(), "period": periodSchema.exactOptional(), "summary": textSchema, "activities": z.array(textSchema).exactOptional(), "actors": z.array(actorSchema).exactOptional(), "budget": z.array(moneySchema).exactOptional(), "funding": z.array(z.strictObject({ "funder": shortTextSchema, "amount": moneySchema.exactOptional(), "share": percentSchema.exactOptional(), "note": textSchema.exactOptional() })).exactOptional(), "outcomes": z.array(figureSchema).exactOptional(), "keyFactors": uniqueItems(z.array(keyFactorRefSchema)).exactOptional(), "domains": uniqueItems(z.array(frameworkItemRefSchema)).exactOptional(), "links": z.array(linkSchema).exactOptional(), "sources": sourcesSchema }));

/** Scale: `scale.schema.json`. */
export const scaleSchema = documentRules(z.strictObject({ "kind": z.literal("scale"), "schemaVersion": schemaVersionSchema, "id": namespacedIdSchema, "title": shortTextSchema, "description": textSchema.exactOptional(), "levels": z.array(z.strictObject({ "id": localIdSchema, "label": shortTextSchema, "value": z.number(), "description": textSchema.exactOptional(), "group": localIdSchema.exactOptional() })).min(2), "groups": z.array(z.strictObject({ "id": localIdSchema, "label": shortTextSchema, "description": textSchema.exactOptional() })).exactOptional(), "sources": sourcesSchema.exactOptional() }));

/** Scheme: `scheme.schema.json`. */
export const schemeSchema = documentRules(z.union([z.strictObject({ "kind": z.literal("scheme"), "schemaVersion": schemaVersionSchema, "schemeKind": z.literal("participation"), "id": namespacedIdSchema, "title": shortTextSchema, "subtitle": shortTextSchema.exactOptional(), "summary": textSchema.exactOptional(), "placeRef": namespacedIdSchema.exactOptional(), "period": periodSchema.exactOptional(), "status": z.enum(["planned","running","completed"]).exactOptional(), "partners": z.array(actorSchema).exactOptional(), "practiceRefs": uniqueItems(z.array(namespacedIdSchema)).exactOptional(), "sources": sourcesSchema, "area": z.strictObject({ "name": shortTextSchema, "description": textSchema.exactOptional(), "placeRef": namespacedIdSchema.exactOptional() }), "stakeholders": z.array(actorSchema).exactOptional(), "resources": z.array(z.strictObject({ "description": textSchema, "budget": moneySchema.exactOptional() })).exactOptional(), "participationLevel": z.strictObject({ "scale": namespacedIdSchema, "level": localIdSchema }).exactOptional(), "indicators": z.array(figureSchema).exactOptional(), "benchmark": benchmarkRefSchema.exactOptional() }), z.strictObject({ "kind": z.literal("scheme"), "schemaVersion": schemaVersionSchema, "schemeKind": z.literal("mentoring"), "id": namespacedIdSchema, "title": shortTextSchema, "subtitle": shortTextSchema.exactOptional(), "summary": textSchema.exactOptional(), "placeRef": namespacedIdSchema.exactOptional(), "period": periodSchema.exactOptional(), "status": z.enum(["planned","running","completed"]).exactOptional(), "partners": z.array(actorSchema).exactOptional(), "practiceRefs": uniqueItems(z.array(namespacedIdSchema)).exactOptional(), "sources": sourcesSchema, "mentor": z.strictObject({ "city": shortTextSchema, "country": countryCodeSchema, "placeRef": namespacedIdSchema.exactOptional(), "organisation": shortTextSchema.exactOptional() }), "mentees": z.array(z.strictObject({ "city": shortTextSchema, "country": countryCodeSchema, "placeRef": namespacedIdSchema.exactOptional(), "organisation": shortTextSchema.exactOptional() })).min(1), "benchmark": benchmarkRefSchema.exactOptional(), "phases": z.array(z.strictObject({ "id": localIdSchema, "title": shortTextSchema, "period": periodSchema.exactOptional(), "description": textSchema.exactOptional(), "studyVisits": z.array(z.strictObject({ "host": shortTextSchema, "date": partialDateSchema.exactOptional(), "description": textSchema.exactOptional() })).exactOptional() })).exactOptional(), "actionPlan": z.strictObject({ "objectives": z.array(z.strictObject({ "id": localIdSchema, "title": shortTextSchema, "description": textSchema.exactOptional() })).exactOptional(), "steps": z.array(z.strictObject({ "id": localIdSchema, "title": shortTextSchema, "description": textSchema.exactOptional(), "timeline": periodSchema.exactOptional(), "responsible": shortTextSchema.exactOptional() })).exactOptional() }).exactOptional() }), z.strictObject({ "kind": z.literal("scheme"), "schemaVersion": schemaVersionSchema, "schemeKind": z.literal("action-plan"), "id": namespacedIdSchema, "title": shortTextSchema, "subtitle": shortTextSchema.exactOptional(), "summary": textSchema.exactOptional(), "placeRef": namespacedIdSchema.exactOptional(), "period": periodSchema.exactOptional(), "status": z.enum(["planned","running","completed"]).exactOptional(), "partners": z.array(actorSchema).exactOptional(), "practiceRefs": uniqueItems(z.array(namespacedIdSchema)).exactOptional(), "sources": sourcesSchema, "aims": z.array(z.strictObject({ "id": localIdSchema, "title": shortTextSchema, "description": textSchema.exactOptional() })).min(1), "steps": z.array(z.strictObject({ "id": localIdSchema, "title": shortTextSchema, "description": textSchema.exactOptional(), "timeline": periodSchema.exactOptional(), "responsible": shortTextSchema.exactOptional() })).exactOptional(), "challengesMet": z.array(z.strictObject({ "challenge": frameworkItemRefSchema, "description": textSchema.exactOptional() })).exactOptional(), "areas": uniqueItems(z.array(frameworkItemRefSchema)).exactOptional(), "outcomes": z.array(textSchema).exactOptional() })]));

/** Score node: `score-report.schema.json#/$defs/scoreNode`. */
export const scoreNodeSchema: z.ZodType<ScoreNode> = z.strictObject({ "ref": shortTextSchema, "level": z.enum(["overall","section","key-factor","guide-question"]), "title": shortTextSchema.exactOptional(), "score": z.union([jsonNumber({ minimum: 0, maximum: 100 }), z.null()]), "coverage": jsonNumber({ minimum: 0, maximum: 1 }), "status": z.enum(["scored","insufficient-evidence","not-applicable","unanswered"]), "band": z.strictObject({ "id": localIdSchema, "label": shortTextSchema }).exactOptional(), "weight": weightSchema, "answer": jsonString({ maxLength: 80 }).exactOptional(), "trace": z.array(z.strictObject({ "ref": shortTextSchema, "input": z.enum(["answer","own-answer","child"]), "level": jsonString({ maxLength: 80 }).exactOptional(), "score": z.union([z.number(), z.null()]), "weight": jsonNumber({ minimum: 0 }), "share": jsonNumber({ minimum: 0, maximum: 1 }).exactOptional(), "contribution": z.union([z.number(), z.null()]).exactOptional(), "note": textSchema.exactOptional() })).exactOptional(), "children": z.array(z.lazy(() => scoreNodeSchema)).exactOptional() });

/** Gap: `score-report.schema.json#/$defs/gap`. */
export const gapSchema = z.strictObject({ "keyFactor": keyFactorRefSchema, "title": shortTextSchema.exactOptional(), "score": scoreSchema, "target": scoreSchema, "difference": z.number(), "weight": jsonNumber({ minimum: 0 }), "priority": z.number(), "targetSource": z.enum(["key-factor-target","overall-target","uniform-target"]) });

/** Similarity factor: `score-report.schema.json#/$defs/similarityFactor`. */
export const similarityFactorSchema = z.strictObject({ "dimension": z.enum(["size","migrant-share","country"]), "similarity": z.union([jsonNumber({ minimum: 0, maximum: 1 }), z.null()]), "weight": jsonNumber({ minimum: 0 }), "note": textSchema });

/** Recommendation: `score-report.schema.json#/$defs/recommendation`. */
export const recommendationSchema = z.strictObject({ "keyFactor": keyFactorRefSchema, "title": shortTextSchema.exactOptional(), "practices": z.array(z.strictObject({ "practice": namespacedIdSchema, "title": shortTextSchema.exactOptional(), "city": shortTextSchema.exactOptional(), "country": countryCodeSchema.exactOptional(), "placeRef": namespacedIdSchema.exactOptional(), "similarity": jsonNumber({ minimum: 0, maximum: 1 }), "similarityFactors": z.array(similarityFactorSchema).exactOptional(), "reason": textSchema })) });

/** Peer statistic: `score-report.schema.json#/$defs/peerStatistic`. */
export const peerStatisticSchema = z.strictObject({ "ref": shortTextSchema, "title": shortTextSchema.exactOptional(), "score": z.union([jsonNumber({ minimum: 0, maximum: 100 }), z.null()]), "rank": z.union([jsonNumber({ integer: true, minimum: 1 }), z.null()]), "of": jsonNumber({ integer: true, minimum: 0 }), "rankText": shortTextSchema, "percentile": z.union([jsonNumber({ minimum: 0, maximum: 100 }), z.null()]), "quartiles": z.strictObject({ "q1": scoreSchema, "median": scoreSchema, "q3": scoreSchema }).exactOptional(), "histogram": z.array(z.strictObject({ "from": scoreSchema, "to": scoreSchema, "count": jsonNumber({ integer: true, minimum: 0 }) })) });

/** Peer group: `score-report.schema.json#/$defs/peerGroup`. */
export const peerGroupSchema = z.strictObject({ "dimension": z.enum(["all","population","migrant-share","country"]), "id": localIdSchema, "label": shortTextSchema, "members": jsonNumber({ integer: true, minimum: 0 }), "overall": peerStatisticSchema, "keyFactors": z.array(peerStatisticSchema) });

/** Mentor candidate: `score-report.schema.json#/$defs/mentorCandidate`. */
export const mentorCandidateSchema = z.strictObject({ "assessment": namespacedIdSchema, "subject": shortTextSchema, "subjectRef": namespacedIdSchema.exactOptional(), "match": jsonNumber({ minimum: 0, maximum: 1 }), "strength": jsonNumber({ minimum: 0, maximum: 1 }), "similarity": jsonNumber({ minimum: 0, maximum: 1 }), "similarityFactors": z.array(similarityFactorSchema).exactOptional(), "keyFactors": z.array(z.strictObject({ "keyFactor": keyFactorRefSchema, "title": shortTextSchema.exactOptional(), "mentorScore": scoreSchema, "menteeScore": scoreSchema, "lead": jsonNumber({ minimum: 0, maximum: 100 }) })), "reason": textSchema });

/** Message: `score-report.schema.json#/$defs/message`. */
export const messageSchema = z.strictObject({ "code": jsonString({ pattern: new RegExp("^[a-z]+(?:_[a-z]+)*$", "u") }), "severity": z.enum(["error","warning","info"]), "message": textSchema, "pointer": jsonString({ maxLength: 2000 }).exactOptional(), "params": anyObject().exactOptional() });

/** Score report: `score-report.schema.json`. */
export const scoreReportSchema = documentRules(z.strictObject({ "kind": z.literal("score-report"), "schemaVersion": schemaVersionSchema, "assessment": z.strictObject({ "id": namespacedIdSchema, "subject": shortTextSchema, "subjectType": z.enum(["place","scheme"]).exactOptional(), "subjectRef": namespacedIdSchema.exactOptional(), "country": countryCodeSchema.exactOptional(), "assessedOn": dateSchema.exactOptional(), "scale": namespacedIdSchema.exactOptional(), "illustrative": z.boolean().exactOptional() }).exactOptional(), "benchmark": z.strictObject({ "id": namespacedIdSchema, "version": semverSchema, "title": shortTextSchema.exactOptional() }), "model": z.strictObject({ "id": namespacedIdSchema, "version": semverSchema, "title": shortTextSchema.exactOptional(), "parameters": anyObject() }), "overall": scoreNodeSchema, "standardMet": z.union([z.boolean(), z.null()]).exactOptional(), "gaps": z.array(gapSchema).exactOptional(), "strengths": z.array(gapSchema).exactOptional(), "recommendations": z.array(recommendationSchema).exactOptional(), "peers": z.strictObject({ "population": jsonNumber({ integer: true, minimum: 0 }), "groups": z.array(peerGroupSchema) }).exactOptional(), "mentors": z.array(mentorCandidateSchema).exactOptional(), "messages": z.array(messageSchema).exactOptional() }));

/** The zod schema of each document kind. */
export const documentSchemas = {
  "framework": frameworkSchema,
  "scale": scaleSchema,
  "benchmark": benchmarkSchema,
  "practice": practiceSchema,
  "place": placeSchema,
  "scheme": schemeSchema,
  "assessment": assessmentSchema,
  "score-report": scoreReportSchema,
  "plugin-manifest": pluginManifestSchema,
} as const;
