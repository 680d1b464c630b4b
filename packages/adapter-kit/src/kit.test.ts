import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Adapter } from "./adapter";
import { chooseAdapter } from "./choose";
import { adaptersPoint, checkAdapter } from "./point";

const ok = async () => ({ ok: true as const, files: [], report: { valid: true, errors: [] } });
const read = async () => ({ documents: [], report: { valid: true, errors: [] } });
const adapter = (overrides: Partial<Adapter>): Adapter => ({
  id: "acme.csv",
  title: "CSV",
  format: "csv",
  mediaType: "text/csv",
  extensions: [".csv"],
  reads: ["practice"],
  writes: ["practice", "place"],
  browser: { read: true, write: true },
  read,
  write: ok,
  ...overrides,
});

describe("adaptersPoint", () => {
  it("accepts an adapter's shape and names every reason it refuses one", () => {
    expect(adaptersPoint.name).toBe("adapters");
    expect(adaptersPoint.check(adapter({}))).toMatchObject({ ok: true });
    expect(checkAdapter({ id: "acme.csv" })).toEqual([
      "title must be a non-empty string",
      "format must be a non-empty string",
      "mediaType must be a non-empty string",
      'extensions must be a list of lower-case extensions with their dot, such as [".xlsx"]',
      'reads must be a list of document kinds (or "score-report", "score-table")',
      'writes must be a list of document kinds (or "score-report", "score-table")',
      "browser must be { read: boolean, write: boolean }",
    ]);
    const { write: _write, ...withoutWrite } = adapter({});
    expect(checkAdapter(withoutWrite)).toEqual(["write must be a function, since writes is not empty"]);
    expect(checkAdapter(adapter({ reads: ["spreadsheet" as never] }))).toEqual(['reads must be a list of document kinds (or "score-report", "score-table")']);
  });

  it("answers anything with a check, never a throw", () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const checked = adaptersPoint.check(value);
        expect(typeof checked.ok).toBe("boolean");
      }),
    );
  });
});

describe("chooseAdapter", () => {
  const csv = adapter({});
  const xlsx = adapter({ id: "acme.xlsx", format: "xlsx", extensions: [".xlsx"], writes: ["benchmark"], reads: [] });
  it("picks by format (or id), then by the file's extension, among those that can do the job", () => {
    expect(chooseAdapter([csv, xlsx], { direction: "write", format: "XLSX", kind: "benchmark" })).toEqual({ ok: true, adapter: xlsx });
    expect(chooseAdapter([csv, xlsx], { direction: "write", format: "acme.csv", kind: "place" })).toEqual({ ok: true, adapter: csv });
    expect(chooseAdapter([csv, xlsx], { direction: "read", fileName: "Export.CSV" })).toEqual({ ok: true, adapter: csv });
    const survey = adapter({ id: "acme.survey", extensions: [".json", ".xlsx"] });
    const workbook = adapter({ id: "acme.workbook", extensions: [".xlsx"] });
    expect(chooseAdapter([survey, workbook], { direction: "read", fileName: "a.xlsx" })).toEqual({ ok: true, adapter: workbook });
  });
  it("says why none fits and which formats would", () => {
    expect(chooseAdapter([csv, xlsx], { direction: "write", format: "xlsx", kind: "place" })).toEqual({ ok: false, message: 'the "xlsx" adapter cannot write a place; formats that can: csv' });
    expect(chooseAdapter([csv, xlsx], { direction: "write", format: "xlsx", kind: "assessment" })).toMatchObject({ ok: false, message: expect.stringContaining("cannot write an assessment") });
    expect(chooseAdapter([csv, xlsx], { direction: "read", fileName: "out/report" })).toEqual({
      ok: false,
      message: '"out/report" has no extension to tell its format; name the format or add the extension (formats that read: csv)',
    });
    expect(chooseAdapter([csv, xlsx], { direction: "write", format: "pdf", kind: "benchmark" })).toEqual({ ok: false, message: 'no adapter for the format "pdf" is installed; formats that write a benchmark: xlsx' });
    expect(chooseAdapter([csv, xlsx], { direction: "read", fileName: "a.xlsx" })).toEqual({
      ok: false,
      message: 'no adapter that can read knows the extension ".xlsx"; name the format (formats that read: csv)',
    });
    expect(chooseAdapter([], { direction: "read", fileName: "noextension" })).toMatchObject({ ok: false, message: expect.stringContaining("none installed") });
  });
});
