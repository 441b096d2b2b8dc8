/**
 * The catalogue of error codes the server answers with and the client shows. The message is
 * English for logs and API clients; the client translates by code.
 */
export const ERRORS = {
  BAD_JSON: 'The request body is not valid JSON.',
  BAD_REQUEST: 'The request is not valid.',
  BODY_TOO_LARGE: 'The request body is larger than the server accepts.',
  UNSUPPORTED_MEDIA_TYPE: 'The request body must be application/json.',
  INVALID_EXPORT: 'The file is not a valid Trama board export.',
  NEWER_SCHEMA: 'The board was made by a newer version of Trama.',
  MISSING_KEY: 'A key is needed to open this board.',
  WRONG_KEY: 'The key does not open this board.',
  BOARD_NOT_FOUND: 'There is no board with this id.',
  NOT_FOUND: 'Not found.',
  TOO_MANY_BOARDS: 'Too many boards created from this address: wait a minute and retry.',
  BOARD_TOO_LARGE: 'The board is larger than the server accepts.',
  IMPORT_TOO_COMPLEX: 'The file takes more memory or time to read than the server allows.',
  SERVER_BUSY: 'The server is busy with other imports: retry in a moment.',
  FACILITATOR_ONLY: "Only the facilitator's key may do this.",
  READ_ONLY_KEY: 'This key can only look at the board.',
  VERSION_NOT_FOUND: 'There is no version with this id on this board.',
  BIN_ENTRY_NOT_FOUND: 'There is no such deleted record on this board.',
  CANNOT_RESTORE: 'This cannot be brought back now.',
  ORIGIN_NOT_ALLOWED: 'Pages from this origin may not open boards on this server.',
  INTERNAL: 'Something went wrong on the server.',
} as const

export type ErrorCode = keyof typeof ERRORS

/** The body of every error the HTTP API answers. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: string[] }
}

export function errorBody(code: ErrorCode, details?: string[]): ErrorBody {
  return {
    error: details?.length
      ? { code, message: ERRORS[code], details }
      : { code, message: ERRORS[code] },
  }
}
