// The browser build's format-expectations.ts: the formats the schemas use (no schema compiled at run
// time can bring another).

export { SCHEMA_FORMAT_EXPECTATIONS as FORMAT_EXPECTATIONS } from "./formats";
