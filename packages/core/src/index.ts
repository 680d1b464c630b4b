export { createHost, BUILTIN_PLUGIN_ID, type Host } from "./host";
export { createHostCatalog, type HostCatalog, type PracticeHit, type PracticeSearchOptions } from "./catalog";
export { applyMergePatch, type JsonValue } from "./merge-patch";
export { parseJsonText, parseOrRefuse, JsonRefusal, jsonSyntaxError, lineStartsOf, type JsonSyntaxError, type JsonTextResult } from "./json-text";
export { readTextFile, type TextFileRead } from "./read-text";
export { locatePointers, type TextPosition } from "./json-positions";
export { firstInvalidUtf8, invalidUtf8At } from "./utf8";
export { parseJsonDocument, duplicateKeysOf, hasDuplicateKeys, type DuplicateKey, type JsonDocumentResult } from "./json-document";
export { discoverPluginFolders, discoverPlugins, splitPluginPath, type DiscoveryOptions, type DiscoveryResult } from "./discovery";
export { readPluginPackage, checkEngine, type PluginPackage } from "./manifest";
export { CONTENT_POINTS, type ContentPoint, type ContentKind } from "./plugin-content";
export { extendSchema, type DocumentValidator, type ExtendedSchemaResult } from "./schema-extensions";
export { hostProblem, type HostProblemCode } from "./problems";
export { PLUGIN_STUCK_EXIT_CODE, reportStuckPlugin } from "./stuck-plugin";
export type {
  DeclaredContribution,
  Disposable,
  DocumentOrigin,
  HostOptions,
  PluginContext,
  PluginInfo,
  PluginModule,
  PluginStatus,
} from "./types";
export type { AnyExtensionPoint, ContributionCheck, ContributionOf, ExtensionPoint } from "./extension-point";
