// Browser bundle sizes of the adapter packages: each entry bundled with esbuild for browsers (ESM, minified),
// measured raw and gzipped, next to @cohesion/schema's validator bundle measured the same way in the same run.
// Usage: node perf/adapters/bundle-sizes.mjs
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../../", import.meta.url));
const entries = [
  ["@cohesion/schema (validate only, baseline)", 'export { validate } from "@cohesion/schema";'],
  ["@cohesion/adapter-kit", 'export * from "@cohesion/adapter-kit";'],
  ["@cohesion/adapter-report", 'export { htmlReportAdapter, markdownReportAdapter } from "@cohesion/adapter-report";'],
  ["@cohesion/adapter-xlsx", 'export { xlsxAdapter, xlsxDocumentAdapter } from "@cohesion/adapter-xlsx";'],
  ["@cohesion/adapter-xlsform", 'export { xlsformAdapter } from "@cohesion/adapter-xlsform";'],
  ["@cohesion/adapter-datapackage", 'export { dataPackageAdapter } from "@cohesion/adapter-datapackage";'],
];

const rows = [];
for (const [name, contents] of entries) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: "js" },
    bundle: true,
    write: false,
    platform: "browser",
    format: "esm",
    target: "es2022",
    minify: true,
    conditions: ["source"],
    logLevel: "silent",
    metafile: true,
  });
  const bytes = result.outputFiles[0]?.contents ?? new Uint8Array();
  const nodeBuiltins = Object.keys(result.metafile.inputs).filter((input) => input.startsWith("node:"));
  rows.push({ name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, nodeBuiltins: nodeBuiltins.length });
}
const baseline = rows[0].gzip;
for (const row of rows) {
  console.log(`${row.name.padEnd(44)} ${(row.raw / 1024).toFixed(1).padStart(8)} KiB  ${(row.gzip / 1024).toFixed(1).padStart(7)} KiB gzip  ×${(row.gzip / baseline).toFixed(2)} of baseline${row.nodeBuiltins ? `  (${row.nodeBuiltins} node: imports!)` : ""}`);
}
