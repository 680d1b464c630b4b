// Lets `npm start` and `npm test` work on a fresh clone: installs from the lockfile when nothing is installed yet.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

if (!existsSync(new URL("../node_modules/.package-lock.json", import.meta.url))) {
  console.log("cohesion: no dependencies installed yet, running `npm ci` first…");
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { stdio: "inherit", shell: process.platform === "win32" });
  process.exit(result.status ?? 1);
}
