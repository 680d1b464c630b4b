// A validation worker: parses and validates batches of NDJSON lines with its own host (the same plugins as
// the main thread's) and sends back only what the report needs. Started by validate-pool.ts.
import { parentPort, workerData } from "node:worker_threads";
import { createHost } from "@cohesion/core";
import { cliHostOptions } from "./open-host";
import { checkLineBatch } from "./validate-batch";
import type { WorkerReply, WorkerRequest, WorkerSetup } from "./validate-pool";

const port = parentPort;
if (port) {
  const setup = workerData as WorkerSetup;
  // Only the validators matter here (the main thread's host holds the content): no content is read.
  const host = createHost({ ...cliHostOptions(setup.cwd), content: false });
  for (const path of setup.plugins) host.addPlugin(path);
  port.on("message", (request: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      reply = { type: "checked", id: request.id, result: checkLineBatch(request.batch, host) };
    } catch (error) {
      reply = { type: "failed", reason: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ type: "ready" } satisfies WorkerReply);
}
