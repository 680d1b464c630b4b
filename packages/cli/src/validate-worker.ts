// A validation worker: parses and validates batches of NDJSON lines and sends back only what the report
// needs. Started by validate-pool.ts. Without plugin schema extensions the host validates exactly as
// @cohesion/schema does, so the worker loads only that: starting a worker is a fixed cost every large
// stream pays, and building a host (the plugin host, discovery, manifests) would double it.
import { parentPort, workerData } from "node:worker_threads";
import { validate, describeThrown } from "@cohesion/schema";
import { checkLineBatch } from "./validate-batch";
import type { WorkerReply, WorkerRequest, WorkerSetup } from "./validate-pool";

const port = parentPort;
if (port) {
  // A host that cannot be built is said as the worker's failure, which the pool reports as worker_failed.
  serve(port, workerData as WorkerSetup).catch((error: unknown) => port.postMessage({ type: "failed", reason: describeThrown(error) } satisfies WorkerReply));
}

async function serve(to: NonNullable<typeof parentPort>, setup: WorkerSetup): Promise<void> {
  let validator: { validate(document: unknown): ReturnType<typeof validate> } = { validate };
  if (setup.extended) {
    // The same plugins as the main thread's host, for their schema extensions; no content is read.
    const [{ createHost }, { cliHostOptions }] = await Promise.all([import("@cohesion/core"), import("./open-host")]);
    const host = createHost({ ...cliHostOptions(setup.cwd), content: false });
    for (const path of setup.plugins) host.addPlugin(path);
    validator = host;
  }
  to.on("message", (request: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      reply = { type: "checked", id: request.id, result: checkLineBatch(request.batch, validator) };
    } catch (error) {
      reply = { type: "failed", reason: describeThrown(error) };
    }
    to.postMessage(reply);
  });
  to.postMessage({ type: "ready" } satisfies WorkerReply);
}
