/** The document schema version this build reads and writes. Bump it with a migration. */
export const SCHEMA_VERSION = 7
