// The migration module and test that `npm run schema:version -- major` writes for a new major.
// The module carries the version over and nothing else; its test fails until the maintainer writes
// a document of the old version that the breaking change touches and what it becomes.

/** The module: upgrades one document from `from` to `to`. */
export function scaffoldMigration({ from, to, exportName }) {
  return `import type { ValidationProblem } from "@cohesion/schema";
import { migrationProblem } from "./problems";
import type { MigrationStep } from "./step";

/**
 * ${from} → ${to}: carries a document across the breaking change of schema version ${to}.
 * Report every value moved with \`migrated_field\` (info) and every value the new version has no
 * place for with \`not_carried_over\` (warning, saying where it is kept): nothing is dropped silently.
 * Never throw and never change the input; \`migrate\` checks the result against the ${to} schemas.
 *
 * @example
 * const { document, problems } = ${exportName}(document${from.replace(".", "_")});
 * document.schemaVersion; // "${to}"
 */
export const ${exportName}: MigrationStep = (document) => {
  const problems: ValidationProblem[] = [migrationProblem("schema_version_changed", "/schemaVersion", { from: "${from}", to: "${to}" })];
  const out: Record<string, unknown> = { ...document, schemaVersion: "${to}" };
  return { document: out, problems };
};
`;
}

/** The test: fails, saying what to write, until the maintainer fills in a real case. */
export function scaffoldMigrationTest({ from, to, module, exportName }) {
  return `import { describe, expect, it } from "vitest";
import { migrate } from "./migrate";
import { ${exportName} } from "./${module}";

// A ${from} document that uses what ${to} changed, and the document it must become. Fill both in:
// this test fails until the migration carries a real document across the breaking change.
const before: Record<string, unknown> | undefined = undefined;
const after: Record<string, unknown> | undefined = undefined;

describe("migrate ${from} → ${to}", () => {
  it("carries a ${from} document across the breaking change and reports what it moved", () => {
    if (before === undefined || after === undefined) {
      expect.fail("write a ${from} document that the breaking change of ${to} touches, and what it becomes, at the top of ${module}.test.ts");
    }
    const result = migrate(before, "${to}");
    if (!result.ok) expect.fail(JSON.stringify(result.report.errors, null, 2));
    expect(result.document).toEqual(after);
    expect(result.report.errors.map((p) => p.code)).toContain("migrated_field");
  });

  it("never changes its input", () => {
    const input = { kind: "place", schemaVersion: "${from}" };
    ${exportName}(input);
    expect(input).toEqual({ kind: "place", schemaVersion: "${from}" });
  });
});
`;
}
