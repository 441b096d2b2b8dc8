/** The spreadsheets a board offers (`/api/boards/:id/export/<name>.csv`), in menu order. */
export const CSV_TABLES = [
  'logframe',
  'scores',
  'votes',
  'dots',
  'register',
  'commitments',
  'indicators',
] as const
export type CsvTable = (typeof CSV_TABLES)[number]
