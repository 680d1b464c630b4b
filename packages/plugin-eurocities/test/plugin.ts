import type { Benchmark, ContextFactor, KeyFactor, Section } from "@cohesion/schema";
import { loadContentPlugin } from "@cohesion/test-support/content-plugin-kit";

export { allGuideQuestions } from "@cohesion/test-support/content-plugin-kit";

/** The EUROCITIES plugin as @cohesion/core loads it. */
export const eurocities = loadContentPlugin(new URL("..", import.meta.url));

/** The publication every document of this plugin cites. */
export const PUBLICATION = "Integrating Cities Toolkit: Making participation effective in diverse neighbourhoods";

/** The example assessments written against this plugin's benchmark. */
export const EXAMPLE_ASSESSMENTS = {
  athens: new URL("../../../examples/assessments/eurocities-athens-kypseli.json", import.meta.url),
  malmo: new URL("../../../examples/assessments/eurocities-malmo-all-activities-centres.json", import.meta.url),
} as const;

/** `T` with the members `K`, optional in the schema, present as this plugin's content always gives them. */
type Present<T, K extends keyof T> = Omit<T, K> & { readonly [P in K]-?: NonNullable<T[P]> };

/** A key factor as this plugin's content holds it. */
export type KeyFactorData = Present<KeyFactor, "number" | "statement" | "rationale" | "practiceRefs">;

/** The benchmark as this plugin's content holds it. */
export type BenchmarkData = Present<Omit<Benchmark, "sections" | "contextFactors">, "themeRef" | "glossary" | "contributors"> & {
  readonly sections: readonly (Omit<Section, "keyFactors"> & { readonly keyFactors: readonly KeyFactorData[] })[];
  readonly contextFactors: readonly Present<ContextFactor, "mayInvolve">[];
};

/** The one benchmark this plugin contributes. */
export const theBenchmark = (): BenchmarkData => eurocities.benchmark() as unknown as BenchmarkData;
