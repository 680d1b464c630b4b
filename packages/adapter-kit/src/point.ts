import { isDocumentKind } from "@cohesion/schema";
import type { Adapter, AdapterKind } from "./adapter";

const EXTRA_KINDS: readonly string[] = ["score-report", "score-table"];

function isKind(value: unknown): value is AdapterKind {
  return isDocumentKind(value) || (typeof value === "string" && EXTRA_KINDS.includes(value));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Checks that a value has the shape of an {@link Adapter}; answers every reason it does not, or none.
 *
 * @example
 * ```ts
 * checkAdapter({ id: "acme.csv" }); // ["title must be a non-empty string", ...]
 * ```
 */
export function checkAdapter(value: unknown): string[] {
  if (!isObject(value)) return ["an adapter must be an object"];
  const reasons: string[] = [];
  const text = (key: string) => {
    if (typeof value[key] !== "string" || value[key] === "") reasons.push(`${key} must be a non-empty string`);
  };
  ["id", "title", "format", "mediaType"].forEach(text);
  const extensions = value["extensions"];
  if (!Array.isArray(extensions) || !extensions.every((extension) => typeof extension === "string" && /^\.[a-z0-9.]+$/.test(extension))) {
    reasons.push('extensions must be a list of lower-case extensions with their dot, such as [".xlsx"]');
  }
  for (const [list, method] of [["reads", "read"], ["writes", "write"]] as const) {
    const kinds = value[list];
    if (!Array.isArray(kinds) || !kinds.every(isKind)) {
      reasons.push(`${list} must be a list of document kinds (or "score-report", "score-table")`);
      continue;
    }
    if (kinds.length > 0 && typeof value[method] !== "function") reasons.push(`${method} must be a function, since ${list} is not empty`);
  }
  const browser = value["browser"];
  if (!isObject(browser) || typeof browser["read"] !== "boolean" || typeof browser["write"] !== "boolean") {
    reasons.push("browser must be { read: boolean, write: boolean }");
  }
  if (value["multiFile"] !== undefined && typeof value["multiFile"] !== "boolean") reasons.push("multiFile must be a boolean when given");
  return reasons;
}

/**
 * The `adapters` extension point, declared by the adapter contract. Give it to
 * `createHost({ points: [adaptersPoint] })` of @cohesion/core: plugins declare adapters under
 * `cohesion.contributes.adapters` (`{ id, title, format, direction }`) and register them with
 * `context.register("adapters", adapter)`; the host refuses one that does not have an adapter's shape.
 *
 * @example
 * ```ts
 * import { createHost } from "@cohesion/core";
 * import { adaptersPoint } from "@cohesion/adapter-kit";
 * const host = createHost({ points: [adaptersPoint] });
 * const xlsx = await host.contribution(adaptersPoint, "xlsx.workbook");
 * ```
 */
export const adaptersPoint = {
  name: "adapters",
  label: "adapter",
  check(value: unknown): { readonly ok: true; readonly value: Adapter } | { readonly ok: false; readonly reason: string } {
    const reasons = checkAdapter(value);
    return reasons.length > 0 ? { ok: false, reason: reasons.join("; ") } : { ok: true, value: value as Adapter };
  },
} as const;
