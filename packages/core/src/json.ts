// The JSON text tools on their own, for readers that need no plugin host (and should not load one).
export { parseJsonText, parseOrRefuse, JsonRefusal, jsonSyntaxError, lineStartsOf, type JsonSyntaxError, type JsonTextResult } from "./json-text";
export { locatePointers, type TextPosition } from "./json-positions";
export { firstInvalidUtf8, invalidUtf8At } from "./utf8";
export { parseJsonDocument, duplicateKeysOf, hasDuplicateKeys, type DuplicateKey, type JsonDocumentResult } from "./json-document";
