import type * as Y from 'yjs'
import { z } from 'zod'
import { idSchema } from './spec.ts'
import { PHASES, VOTE_CANVASES } from './vocabulary.ts'

/**
 * The room's rhythm, as the facilitator sets it: the view every screen follows, the spotlight,
 * the timer, the pause and the phase locks. It lives in its own root, `room`, of plain values
 * that only facilitator connections write (the server drops anyone else's change, see
 * `updateGuard.ts`); everyone reads it through {@link normaliseRoom}. It is the state of a
 * session, not of the pact: the JSON export leaves it out.
 */
export const ROOM_ROOT = 'room'

/** The views inside the phases, as the facilitator's screen shows them. */
export const ROOM_VIEWS = {
  problems: ['tree'],
  objectives: ['tree', 'comparison', 'strategy', 'logframe'],
  stakeholders: ['grid', 'map', 'register', 'coverage'],
  pact: ['vision', 'governance', 'commitments', 'indicators', 'monitoring', 'health'],
} as const
export type RoomView = (typeof ROOM_VIEWS)[keyof typeof ROOM_VIEWS][number]
const ALL_VIEWS = [...new Set(Object.values(ROOM_VIEWS).flat())] as [RoomView, ...RoomView[]]

const epochMs = z.number().int().min(0).max(8.64e15)
const DAY_MS = 86_400_000

/**
 * A countdown. Running: it ends at `endsAt`, in the server's clock (pages correct for their
 * own clock's offset). Paused or reset: `remainingMs` is left.
 */
export const timerSchema = z.object({
  durationMs: z.number().int().min(0).max(DAY_MS),
  running: z.boolean(),
  endsAt: epochMs.nullable(),
  remainingMs: z.number().int().min(0).max(DAY_MS),
})
export type RoomTimer = z.infer<typeof timerSchema>

/** Each key of the `room` root with its schema and its value when absent or unusable. */
export const ROOM_FIELDS = {
  view: { schema: z.enum(ALL_VIEWS).nullable(), fallback: null },
  spotlight: {
    schema: z.object({ canvas: z.enum(VOTE_CANVASES), id: idSchema }).nullable(),
    fallback: null,
  },
  showJoin: { schema: z.boolean(), fallback: false },
  reveal: { schema: z.boolean(), fallback: false },
  summon: {
    schema: z.object({ at: epochMs, client: z.number().int().min(0) }).nullable(),
    fallback: null,
  },
  timer: { schema: timerSchema.nullable(), fallback: null },
  frozen: { schema: z.boolean(), fallback: false },
  /**
   * The latest restore of a version (written by the server with it), so every screen can say
   * why the board changed under it: when, by whom, and how many records came back, went, changed.
   */
  restored: {
    schema: z
      .object({
        at: epochMs,
        by: z.string().max(80).nullable(),
        added: z.number().int().min(0),
        removed: z.number().int().min(0),
        changed: z.number().int().min(0),
      })
      .nullable(),
    fallback: null,
  },
  locks: { schema: z.array(z.enum(PHASES)).max(PHASES.length), fallback: [] },
} as const

/** Keys of the room only the server writes (with a restore): no client may set or delete them. */
export const SERVER_ROOM_KEYS: ReadonlySet<string> = new Set(['restored'])

type RoomFields = typeof ROOM_FIELDS
export type RoomState = { [K in keyof RoomFields]: z.infer<RoomFields[K]['schema']> }
export type RoomKey = keyof RoomFields
export const ROOM_KEYS = Object.keys(ROOM_FIELDS) as RoomKey[]

/** Whether `value` may be stored under `key` of the room. */
export function roomValueFits(key: string, value: unknown): boolean {
  if (!Object.hasOwn(ROOM_FIELDS, key)) return false
  const field = (ROOM_FIELDS as Record<string, { schema: z.ZodType }>)[key]!
  return field.schema.safeParse(value).success
}

/** The room as every reader sees it: each key valid or its fallback. */
export function normaliseRoom(doc: Y.Doc): RoomState {
  const map = doc.getMap<unknown>(ROOM_ROOT)
  return normaliseRoomValues((key) => map.get(key))
}

/** {@link normaliseRoom} for values read elsewhere (a board's preview, as JSON). */
export function normaliseRoomValues(get: (key: RoomKey) => unknown): RoomState {
  const out: Record<string, unknown> = {}
  for (const key of ROOM_KEYS) {
    const field = ROOM_FIELDS[key]
    const parsed = field.schema.safeParse(get(key))
    out[key] = parsed.success ? parsed.data : field.fallback
  }
  return out as RoomState
}
