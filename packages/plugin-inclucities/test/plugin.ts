import { loadContentPlugin } from "@cohesion/test-support/content-plugin-kit";

export { allGuideQuestions } from "@cohesion/test-support/content-plugin-kit";
export type { GuideQuestion as GuideQuestionData } from "@cohesion/schema";

/** The IncluCities plugin as @cohesion/core loads it. */
export const inclucities = loadContentPlugin(new URL("..", import.meta.url));

/** Where the example assessment lives. */
export const EXAMPLE_ASSESSMENT = new URL("../../../examples/assessments/inclucities-capaci-city-for-all.json", import.meta.url);
