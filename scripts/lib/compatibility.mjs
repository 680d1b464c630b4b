// The compatibility table in the repository README: for each released schema version, the versions
// of @cohesion/schema, model, core and cli released with it. The release script writes the rows; a
// test holds them to the policy.

export const TABLE_PACKAGES = ["@cohesion/schema", "@cohesion/model", "@cohesion/core", "@cohesion/cli"];
const START = "<!-- compatibility table: a row per released schema version, written by scripts/release.mjs -->";
const END = "<!-- end of compatibility table -->";

/** The rows of the table, oldest first: `{ schema, versions: { "<package>": "<version>" } }`. */
export function readCompatibility(readme) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end < start) throw new Error(`the README has no compatibility table between "${START}" and "${END}"`);
  return readme
    .slice(start + START.length, end)
    .split("\n")
    .filter((line) => /^\|\s*\d+\.\d+\s*\|/.test(line))
    .map((line) => {
      const cells = line.split("|").slice(1, -1).map((c) => c.trim().replace(/^`|`$/g, ""));
      return { schema: cells[0], versions: Object.fromEntries(TABLE_PACKAGES.map((name, i) => [name, cells[i + 1]])) };
    });
}

function tableText(rows) {
  const header = `| schema version | ${TABLE_PACKAGES.map((n) => `\`${n}\``).join(" | ")} |`;
  const rule = `|---|${TABLE_PACKAGES.map(() => "---").join("|")}|`;
  return [header, rule, ...rows.map((r) => `| ${r.schema} | ${TABLE_PACKAGES.map((n) => r.versions[n]).join(" | ")} |`)].join("\n");
}

/**
 * The README with the row of `schema` set to `versions` (added, or replaced when a release
 * re-publishes the same schema version), rows in schema-version order.
 */
export function withCompatibilityRow(readme, schema, versions, compareSchemaVersions) {
  const rows = readCompatibility(readme).filter((r) => r.schema !== schema);
  rows.push({ schema, versions: Object.fromEntries(TABLE_PACKAGES.map((n) => [n, versions[n]])) });
  rows.sort((a, b) => compareSchemaVersions(a.schema, b.schema));
  const start = readme.indexOf(START) + START.length;
  return `${readme.slice(0, start)}\n${tableText(rows)}\n${readme.slice(readme.indexOf(END))}`;
}

const parse = (version) => version.split(".").map(Number);

/** Whether `next` is at least a minor above `previous` while 0.x, and a major above after. */
export function breaksCompatibility(previous, next) {
  const [pM, pm] = parse(previous);
  const [nM, nm] = parse(next);
  return nM > pM || (pM === 0 && nM === 0 && nm > pm);
}

/**
 * Every way the rows break the policy: a schema major must come with a breaking release (a major,
 * or while 0.x a minor) of every package in the table, and package versions never go back.
 */
export function policyProblems(rows, parseSchemaVersion) {
  const problems = [];
  for (let i = 1; i < rows.length; i += 1) {
    const previous = rows[i - 1];
    const row = rows[i];
    const major = parseSchemaVersion(row.schema).major !== parseSchemaVersion(previous.schema).major;
    for (const name of TABLE_PACKAGES) {
      const [a, b] = [previous.versions[name], row.versions[name]];
      if (!/^\d+\.\d+\.\d+$/.test(a ?? "") || !/^\d+\.\d+\.\d+$/.test(b ?? "")) {
        problems.push(`schema ${row.schema}: ${name} has no version in the table`);
        continue;
      }
      const [x, y] = [parse(a), parse(b)];
      const back = x[0] > y[0] || (x[0] === y[0] && (x[1] > y[1] || (x[1] === y[1] && x[2] > y[2])));
      if (back) problems.push(`schema ${row.schema}: ${name} ${b} is older than ${a}, released with schema ${previous.schema}`);
      if (major && !breaksCompatibility(a, b)) {
        problems.push(
          `schema ${row.schema} is a new major, but ${name} went from ${a} to ${b}: a schema major needs at least a minor of every dependent while the packages are 0.x (a major after)`,
        );
      }
    }
  }
  return problems;
}
