// The main job: validate every bundled example and plugin's content, check that the invalid examples are
// rejected, then score an example assessment against its peers and write the report.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = fileURLToPath(new URL("../packages/cli/dist/bin.js", import.meta.url));
const cohesion = (args, options = {}) => {
  console.log(`\n$ cohesion ${args.join(" ")}`);
  return spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: options.quiet ? "pipe" : "inherit", encoding: "utf8" });
};

const plugins = readdirSync(new URL("../packages", import.meta.url)).filter((d) => d.startsWith("plugin-")).map((d) => `packages/${d}/content`);
const valid = cohesion(["validate", "examples/valid", "examples/assessments", ...plugins]);
if (valid.status !== 0) process.exit(valid.status ?? 1);

const invalid = cohesion(["validate", "examples/invalid", "--format", "json"], { quiet: true });
const verdict = JSON.parse(invalid.stdout).result;
console.log(`${verdict.invalidDocuments} of ${verdict.documents} invalid examples rejected, as each file name says (exit ${invalid.status})`);
if (invalid.status !== 1 || verdict.invalidDocuments !== verdict.documents) {
  console.error("an invalid example was accepted");
  process.exit(1);
}

const assessment = "examples/assessments/eurocities-athens-kypseli.json";
const scored = cohesion(["score", assessment, "--peers", "examples/assessments"]);
if (scored.status !== 0) process.exit(scored.status ?? 1);
for (const out of ["out/report.html", "out/report.md"]) {
  const report = cohesion(["report", assessment, "--peers", "examples/assessments", "--out", out, "--force"]);
  if (report.status !== 0) process.exit(report.status ?? 1);
}
console.log(`\nReport written to ${root}out/report.html (and out/report.md)`);
