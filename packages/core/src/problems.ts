import { defineProblems } from "@cohesion/schema";

/**
 * Every problem the plugin host reports, with a stable code and an English message template.
 * The host never throws for a bad plugin: it collects these in reports instead.
 *
 * @example
 * ```ts
 * import { hostProblem } from "@cohesion/core";
 * const problem = hostProblem("engine_mismatch", "/cohesion/engines/cohesion", { plugin: "acme", range: "^2.0.0", coreVersion: "0.1.0" });
 * problem.message; // 'Plugin "acme" needs @cohesion/core ^2.0.0, but this host is version 0.1.0: ...'
 * ```
 */
export const hostProblem = defineProblems({
  plugin_not_found: {
    severity: "error",
    message: "No package.json was found at {path}: point to the folder of a plugin package.",
  },
  plugin_path_not_found: {
    severity: "error",
    message: "The plugin path (COHESION_PLUGIN_PATH) names {path}, which is not a folder: fix the entry or remove it.",
  },
  not_a_plugin: {
    severity: "error",
    message: 'The package at {path} has no "cohesion" key in its package.json, so it is not a Cohesion plugin: add a plugin manifest under "cohesion".',
  },
  invalid_json: {
    severity: "error",
    message: "{file} is not valid JSON at line {line}, column {column}: {reason}. Fix the syntax there.",
  },
  invalid_utf8: {
    severity: "error",
    message: "{file} is not UTF-8 text at line {line}, column {column}: {reason}.",
  },
  plugin_load_failed: {
    severity: "error",
    message: "The plugin at {path} could not be read: {reason}.",
  },
  engine_mismatch: {
    severity: "error",
    message:
      'Plugin "{plugin}" needs @cohesion/core {range}, but this host is version {coreVersion}, so it was not loaded: install a release of the plugin made for {coreVersion}, or a core version within {range}.',
  },
  empty_engine_range: {
    severity: "error",
    message:
      'Plugin "{plugin}" gives engines.cohesion "{range}", which no version of @cohesion/core satisfies, so it was not loaded: the plugin\'s author must fix the range (for this host, one such as "^{coreVersion}").',
  },
  invalid_engine_range: {
    severity: "error",
    message: 'Plugin "{plugin}" gives engines.cohesion "{range}", which is not a semver range: write one such as "^0.1.0".',
  },
  duplicate_plugin: {
    severity: "error",
    message: 'The plugin id "{plugin}" is used by both {firstPath} and {secondPath}; only the first was loaded. Remove one of the two packages.',
  },
  content_path_outside_plugin: {
    severity: "error",
    message: 'Plugin "{plugin}" lists "{path}", which leads outside its own folder (to {resolved}); contributed files must live inside the plugin package.',
  },
  content_file_not_found: {
    severity: "error",
    message: 'Plugin "{plugin}" lists "{path}", but there is no such file (looked for {resolved}): fix the path or add the file.',
  },
  wrong_contribution_kind: {
    severity: "error",
    message:
      'This document is of kind "{actual}", but it is listed under contributes.{point}, which takes "{expected}" documents: list its file under contributes.{actualPoint} or fix its kind.',
  },
  id_not_namespaced: {
    severity: "error",
    message: 'The {kind} id "{id}" is not namespaced by its plugin: every id plugin "{plugin}" contributes must start with "{plugin}.".',
  },
  duplicate_contribution: {
    severity: "error",
    message:
      'The {kind} "{id}" is contributed by plugin "{firstPlugin}" and again by plugin "{secondPlugin}"; ids must be unique, so the second was ignored. Rename one of them.',
  },
  invalid_schema_extension: {
    severity: "error",
    message: 'The schema extension "{path}" of plugin "{plugin}" for {kind} documents cannot be used: {reason}. The plugin was not loaded.',
  },
  schema_extension_conflict: {
    severity: "error",
    message:
      'Plugin "{plugin}" extends {kind} documents for schema versions {range} (written for {target}), but its patch "{path}" touches {field}, which this host\'s schema {current} has {change} since {target}: the patch would apply without the core\'s own definition. The plugin was not loaded; install a release of it made for schema {current}.',
  },
  schema_extension_unsupported: {
    severity: "error",
    message:
      'Plugin "{plugin}" extends {kind} documents for schema versions {range}, {why}. The plugin was not loaded; install a release of it made for schema {current}, or give its extension a schemaVersions range such as "^{current}".',
  },
  missing_main: {
    severity: "error",
    message: 'Plugin "{plugin}" declares {point} but has no "main" module to implement them: add "main" to its manifest.',
  },
  main_outside_plugin: {
    severity: "error",
    message: 'The main module "{path}" of plugin "{plugin}" leads outside its own folder (to {resolved}): it must live inside the plugin package.',
  },
  main_not_found: {
    severity: "error",
    message: 'The main module "{path}" of plugin "{plugin}" does not exist (looked for {resolved}): fix "main" or add the file.',
  },
  activation_failed: {
    severity: "error",
    message: 'Plugin "{plugin}" failed to activate, so its {point} are unavailable: {reason}.',
  },
  plugin_stuck: {
    severity: "error",
    message:
      'Plugin "{plugin}" is stuck: {step} did not finish within {ms} ms (an endless loop in its code?). Code stuck in a loop cannot be stopped from outside, so the process was ended: fix the plugin or remove it.',
  },
  undeclared_contribution: {
    severity: "error",
    message:
      'Plugin "{plugin}" tried to register the {point} "{id}", which its manifest does not declare, so it was refused: add it to contributes.{point} or drop the registration.',
  },
  unknown_extension_point: {
    severity: "error",
    message: 'Plugin "{plugin}" tried to register to the extension point "{point}", which this host does not know (it knows: {known}), so it was refused: use one of those names.',
  },
  invalid_contribution: {
    severity: "error",
    message: 'Plugin "{plugin}" tried to register a {point} that cannot be used: {reason}.',
  },
  already_registered: {
    severity: "error",
    message: 'Plugin "{plugin}" registered the {point} "{id}" a second time; the first registration stays until it is disposed.',
  },
  contribution_not_registered: {
    severity: "error",
    message:
      'Plugin "{plugin}" declares the {point} "{id}" but did not register it when activated: register it from activate() with the context it receives.',
  },
  deactivation_failed: {
    severity: "warning",
    message: 'Plugin "{plugin}" failed while deactivating: {reason}.',
  },
});

/**
 * A code the plugin host reports.
 *
 * @example
 * ```ts
 * const code: HostProblemCode = "duplicate_contribution";
 * ```
 */
export type HostProblemCode = Parameters<typeof hostProblem>[0];
