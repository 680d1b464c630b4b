import { describe, expect, it } from "vitest";
import { HOST_POINTS } from "./adapter-host";
import { DECLARED_POINTS } from "./declared-points";

describe("DECLARED_POINTS", () => {
  it("names every point the command's host knows, with the same labels", () => {
    expect(DECLARED_POINTS.map((p) => [p.name, p.label])).toEqual(HOST_POINTS.map((p) => [p.name, p.label]));
  });

  it("refuses any contribution with a reason instead of running plugin code", () => {
    for (const point of DECLARED_POINTS) expect(point.check({ id: "acme.x" })).toEqual({ ok: false, reason: expect.stringContaining(point.label) });
  });
});
