import i18next from 'i18next'
import { z } from 'zod'

const byRole = z.object({
  facilitator: z.string().min(1),
  participant: z.string().min(1),
  viewer: z.string().min(1),
})

const createdSchema = z.object({ id: z.string().min(1), keys: byRole, links: byRole })
export type CreatedBoard = z.infer<typeof createdSchema>

const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.string()).optional(),
  }),
})

/** A failure to show: `code` is a server error code, or NETWORK / UNEXPECTED from the client. */
export interface ApiError {
  code: string
  message: string
  details: string[]
}

export type CreateResult = { ok: true; board: CreatedBoard } | { ok: false; error: ApiError }

/** `POST /api/boards {title}`: the new board's id, keys and links, or the error to show. */
export function createBoard(title: string): Promise<CreateResult> {
  return post('/api/boards', JSON.stringify({ title }))
}

/**
 * `POST /api/boards/import` with a board's JSON export, as the file holds it (the server reads
 * and checks it): the new board's id, keys and links, or the error to show.
 */
export function importBoard(file: Blob): Promise<CreateResult> {
  return post('/api/boards/import', file)
}

async function post(url: string, body: string | Blob): Promise<CreateResult> {
  let res: Response
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        // the problems of a refused file are described in the page's language
        'accept-language': i18next.resolvedLanguage ?? 'it',
      },
      body,
    })
  } catch (err) {
    return { ok: false, error: { code: 'NETWORK', message: String(err), details: [String(err)] } }
  }
  const answer: unknown = await res.json().catch(() => null)
  if (res.ok) {
    const board = createdSchema.safeParse(answer)
    if (board.success) return { ok: true, board: board.data }
  } else {
    const error = errorSchema.safeParse(answer)
    if (error.success) return { ok: false, error: { details: [], ...error.data.error } }
  }
  return {
    ok: false,
    error: {
      code: 'UNEXPECTED',
      message: 'Unexpected answer from the server.',
      details: [`HTTP ${res.status} ${res.statusText}`.trim()],
    },
  }
}
