import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CohesionDocument } from "@cohesion/schema";
import { BUILTIN_SCALES } from "@cohesion/model";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/** Every document the shipped content plugins contribute, the built-in scales and the example assessments. */
export function shippedDocuments(): CohesionDocument[] {
  const documents: CohesionDocument[] = [...(BUILTIN_SCALES as unknown as CohesionDocument[])];
  for (const dir of readdirSync(join(root, "packages")).filter((name) => name.startsWith("plugin-"))) {
    const pkg = JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8")) as { cohesion: { contributes: Record<string, unknown> } };
    for (const [point, paths] of Object.entries(pkg.cohesion.contributes)) {
      if (!Array.isArray(paths) || point === "schemaExtensions") continue;
      for (const path of paths as string[]) {
        const content = JSON.parse(readFileSync(join(root, "packages", dir, path), "utf8")) as CohesionDocument | CohesionDocument[];
        documents.push(...(Array.isArray(content) ? content : [content]));
      }
    }
  }
  for (const file of readdirSync(join(root, "examples/assessments"))) {
    documents.push(JSON.parse(readFileSync(join(root, "examples/assessments", file), "utf8")) as CohesionDocument);
  }
  return documents;
}
