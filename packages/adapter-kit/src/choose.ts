import type { Adapter, AdapterKind } from "./adapter";

/**
 * The adapter picked for a job, or why none fits (a message that lists the ones that would).
 *
 * @example
 * ```ts
 * const choice: AdapterChoice = { ok: false, message: 'no adapter writes "pdf"; formats that write a benchmark: xlsx, xlsform' };
 * ```
 */
export type AdapterChoice = { readonly ok: true; readonly adapter: Adapter } | { readonly ok: false; readonly message: string };

function extensionOf(fileName: string): string {
  const match = /(\.[^./\\]+)$/.exec(fileName.toLowerCase());
  return match?.[1] ?? "";
}

/**
 * Picks the adapter for a read or a write: by `format` (an adapter's format or id) when given, else by the
 * file's extension (adapters whose first, main extension it is before those that list it later); for a
 * write, only adapters that write `kind`. Among several that fit equally, the first registered wins.
 *
 * @example
 * ```ts
 * chooseAdapter(adapters, { direction: "write", format: "xlsx", kind: "benchmark" });
 * chooseAdapter(adapters, { direction: "read", fileName: "filled.xlsx" });
 * ```
 */
export function chooseAdapter(
  adapters: readonly Adapter[],
  job: { readonly direction: "read" | "write"; readonly format?: string; readonly fileName?: string; readonly kind?: AdapterKind },
): AdapterChoice {
  const able = adapters.filter((adapter) => (job.direction === "read" ? adapter.reads.length > 0 : adapter.writes.length > 0 && (job.kind === undefined || adapter.writes.includes(job.kind))));
  const what = job.direction === "read" ? "read" : `write ${job.kind === undefined ? "documents" : `${/^[aeiou]/.test(job.kind) ? "an" : "a"} ${job.kind}`}`;
  const offered = [...new Set(able.map((adapter) => adapter.format))].join(", ") || "none installed";
  if (job.format !== undefined) {
    const wanted = job.format.toLowerCase();
    const found = able.find((adapter) => adapter.format.toLowerCase() === wanted || adapter.id === job.format);
    if (found) return { ok: true, adapter: found };
    const other = adapters.some((adapter) => adapter.format.toLowerCase() === wanted || adapter.id === job.format);
    return {
      ok: false,
      message: other ? `the "${job.format}" adapter cannot ${what}; formats that can: ${offered}` : `no adapter for the format "${job.format}" is installed; formats that ${what}: ${offered}`,
    };
  }
  const extension = extensionOf(job.fileName ?? "");
  // An adapter whose main (first) extension it is goes before one that also reads it: .xlsx is a workbook
  // first, a survey export only when asked.
  const found = extension === "" ? undefined : (able.find((adapter) => adapter.extensions[0] === extension) ?? able.find((adapter) => adapter.extensions.includes(extension)));
  if (found) return { ok: true, adapter: found };
  if (extension === "") return { ok: false, message: `"${job.fileName ?? ""}" has no extension to tell its format; name the format or add the extension (formats that ${what}: ${offered})` };
  return { ok: false, message: `no adapter that can ${what} knows the extension "${extension}"; name the format (formats that ${what}: ${offered})` };
}
