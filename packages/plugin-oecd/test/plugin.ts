import { loadContentPlugin } from "@cohesion/test-support/content-plugin-kit";

/** The OECD plugin as @cohesion/core loads it. */
export const oecd = loadContentPlugin(new URL("..", import.meta.url));

/** Where the example assessment lives. */
export const EXAMPLE_ASSESSMENT = new URL("../../../examples/assessments/oecd-gothenburg-time-and-space.json", import.meta.url);
