// DO NOT EDIT — written by scripts/schema-version.mjs from the v<from>-to-v<to>.ts modules beside it.
import type { MigrationStep } from "./step";
import { migrate1_0To1_1 } from "./v1-0-to-v1-1";
import { migrate1_1To1_2 } from "./v1-1-to-v1-2";

/** The hand-written migration steps, keyed "<from>→<to>". A minor without one is an identity step. */
export const WRITTEN_STEPS: Readonly<Record<string, MigrationStep>> = {
  "1.0→1.1": migrate1_0To1_1,
  "1.1→1.2": migrate1_1To1_2,
};
