import type {
  Assessment,
  Benchmark,
  ContextFactor,
  Framework,
  FrameworkItem,
  GuideQuestion,
  KeyFactor,
  Place,
  PluginManifest,
  Practice,
  Scale,
  Scheme,
  ScoreNode,
  ScoreReport,
  Section,
} from "@cohesion/schema";
import { describe, expectTypeOf, it } from "vitest";
import type * as z from "zod";
import type {
  assessmentSchema,
  benchmarkSchema,
  contextFactorSchema,
  frameworkItemSchema,
  frameworkSchema,
  guideQuestionSchema,
  keyFactorSchema,
  placeSchema,
  pluginManifestSchema,
  practiceSchema,
  scaleSchema,
  schemeSchema,
  scoreNodeSchema,
  scoreReportSchema,
  sectionSchema,
} from "./generated/zod";

/*
 * These assertions are checked by `tsc --noEmit -p packages/model`: the zod schemas and the types,
 * both generated from the JSON Schemas, must describe the same documents. The runtime part is trivial.
 */
describe("zod schemas match the generated types", () => {
  it("document schemas infer the generated document types, both ways", () => {
    expectTypeOf<z.output<typeof frameworkSchema>>().toExtend<Framework>();
    expectTypeOf<Framework>().toExtend<z.output<typeof frameworkSchema>>();
    expectTypeOf<z.output<typeof scaleSchema>>().toExtend<Scale>();
    expectTypeOf<Scale>().toExtend<z.output<typeof scaleSchema>>();
    expectTypeOf<z.output<typeof benchmarkSchema>>().toExtend<Benchmark>();
    expectTypeOf<Benchmark>().toExtend<z.output<typeof benchmarkSchema>>();
    expectTypeOf<z.output<typeof practiceSchema>>().toExtend<Practice>();
    expectTypeOf<Practice>().toExtend<z.output<typeof practiceSchema>>();
    expectTypeOf<z.output<typeof placeSchema>>().toExtend<Place>();
    expectTypeOf<Place>().toExtend<z.output<typeof placeSchema>>();
    expectTypeOf<z.output<typeof schemeSchema>>().toExtend<Scheme>();
    expectTypeOf<Scheme>().toExtend<z.output<typeof schemeSchema>>();
    expectTypeOf<z.output<typeof assessmentSchema>>().toExtend<Assessment>();
    expectTypeOf<Assessment>().toExtend<z.output<typeof assessmentSchema>>();
    expectTypeOf<z.output<typeof scoreReportSchema>>().toExtend<ScoreReport>();
    expectTypeOf<ScoreReport>().toExtend<z.output<typeof scoreReportSchema>>();
    expectTypeOf<z.output<typeof pluginManifestSchema>>().toExtend<PluginManifest>();
    expectTypeOf<PluginManifest>().toExtend<z.output<typeof pluginManifestSchema>>();
  });

  it("recursive and nested parts infer the generated $defs types, both ways", () => {
    expectTypeOf<z.output<typeof frameworkItemSchema>>().toExtend<FrameworkItem>();
    expectTypeOf<FrameworkItem>().toExtend<z.output<typeof frameworkItemSchema>>();
    expectTypeOf<z.output<typeof guideQuestionSchema>>().toExtend<GuideQuestion>();
    expectTypeOf<GuideQuestion>().toExtend<z.output<typeof guideQuestionSchema>>();
    expectTypeOf<z.output<typeof keyFactorSchema>>().toExtend<KeyFactor>();
    expectTypeOf<KeyFactor>().toExtend<z.output<typeof keyFactorSchema>>();
    expectTypeOf<z.output<typeof sectionSchema>>().toExtend<Section>();
    expectTypeOf<Section>().toExtend<z.output<typeof sectionSchema>>();
    expectTypeOf<z.output<typeof contextFactorSchema>>().toExtend<ContextFactor>();
    expectTypeOf<ContextFactor>().toExtend<z.output<typeof contextFactorSchema>>();
    expectTypeOf<z.output<typeof scoreNodeSchema>>().toExtend<ScoreNode>();
    expectTypeOf<ScoreNode>().toExtend<z.output<typeof scoreNodeSchema>>();
  });
});
