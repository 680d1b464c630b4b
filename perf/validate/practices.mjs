// The NDJSON stream both validate benchmarks read: the shipped practices, repeated, each line with an id of its own.
import { createWriteStream, readFileSync } from "node:fs";
import { join } from "node:path";

/** The practices the content packs ship, read from their manifests under `root`. */
export function shippedPractices(root) {
  const seeds = [];
  for (const plugin of ["plugin-eurocities", "plugin-oecd", "plugin-cohesion-belonging", "plugin-inclucities"]) {
    const manifest = JSON.parse(readFileSync(join(root, "packages", plugin, "package.json"), "utf8")).cohesion;
    for (const path of manifest.contributes.practices ?? []) {
      const content = JSON.parse(readFileSync(join(root, "packages", plugin, path), "utf8"));
      seeds.push(...(Array.isArray(content) ? content : [content]));
    }
  }
  return seeds;
}

/** Writes `docs` lines, or lines until `bytes` characters are written, cycling through `seeds`. */
export async function writePracticesNdjson(file, seeds, { docs, bytes }) {
  const out = createWriteStream(file);
  let written = 0;
  for (let i = 0; docs === undefined ? written < bytes : i < docs; i++) {
    const seed = seeds[i % seeds.length];
    const line = `${JSON.stringify({ ...seed, id: `${seed.id}-${i}` })}\n`;
    written += line.length;
    if (!out.write(line)) await new Promise((resolve) => out.once("drain", resolve));
  }
  await new Promise((resolve) => out.end(resolve));
}
