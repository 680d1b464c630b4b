import { defineProblems } from "@cohesion/schema";

/**
 * The codes of a migration report. Moves are `info` (nothing lost, only placed elsewhere); anything
 * that could not go where the new version wants it is a `warning` that says where it is instead;
 * a document that cannot be migrated at all is an `error`.
 */
export const migrationProblem = defineProblems({
  schema_version_changed: {
    severity: "info",
    message: "schemaVersion changed from {from} to {to}",
  },
  migrated_field: {
    severity: "info",
    message: "{what} from {pointer} moved to {to}: {text}",
  },
  not_carried_over: {
    severity: "warning",
    message: "{what} at {pointer} could not be carried over to {to} ({reason}); it is kept in {keptIn}: {text}",
  },
  already_at_version: {
    severity: "info",
    message: "the document already declares schema version {version}; nothing to migrate",
  },
  not_a_document: {
    severity: "error",
    message: "only a JSON object with a \"schemaVersion\" can be migrated, but this is {got}",
  },
  unknown_schema_version: {
    severity: "error",
    message: "schemaVersion {got} at {pointer} is not a version a migration starts from; known versions: {known}",
  },
  unknown_target_version: {
    severity: "error",
    message: "there is no schema version {to} to migrate to; known versions: {known}",
  },
  no_migration_path: {
    severity: "error",
    message: "no migration leads from schema version {from} to {to}{hint}",
  },
  invalid_before_migration: {
    severity: "error",
    message: "the document is not valid ({count} error(s), listed in this report), so it is not migrated; fix them first and run the migration again",
  },
  invalid_after_migration: {
    severity: "error",
    message: "the migrated document would not be valid ({count} error(s), listed in this report); this is a bug in the migration from {from} to {to}, please report it",
  },
});

/** A code of a migration report. */
export type MigrationCode = Parameters<typeof migrationProblem>[0];
