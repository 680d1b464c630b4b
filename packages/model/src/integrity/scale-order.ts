import { asArray, asNumber, asRecord, asString } from "./access";
import type { DocumentContext } from "./context";

/**
 * Reports each level of a scale whose value is not above the one before it: scoring maps the
 * first level to 0 and the last to 100, so the order must be strictly increasing.
 */
export function checkScaleOrder(context: DocumentContext): void {
  let previous: { id: string; value: number } | undefined;
  asArray(context.entry.doc["levels"]).forEach((level, index) => {
    const record = asRecord(level);
    const value = asNumber(record?.["value"]);
    if (value === undefined) return;
    const id = asString(record?.["id"]) ?? `#${index}`;
    if (previous && value <= previous.value) {
      context.report("scale_not_increasing", `/levels/${index}/value`, {
        levelId: id,
        value,
        previousLevelId: previous.id,
        previousValue: previous.value,
      });
    }
    previous = { id, value };
  });
}
