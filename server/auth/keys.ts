import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Role } from '../../shared/protocol.ts'
import type { BoardRecord } from '../storage/types.ts'

/** 192 random bits, url-safe: well above the 128 the contract asks for. */
export function generateKey(): string {
  return randomBytes(24).toString('base64url')
}

/** 96 random bits: unguessable enough for an id that is not a secret, short enough for a QR. */
export function generateBoardId(): string {
  return randomBytes(12).toString('base64url')
}

/** Keys are high-entropy random strings, so one SHA-256 is enough (no password stretching). */
export function hashKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest()
}

export function newBoardKeys(): { keys: Record<Role, string>; hashes: BoardRecord['keyHashes'] } {
  const keys = { facilitator: generateKey(), participant: generateKey(), viewer: generateKey() }
  return {
    keys,
    hashes: {
      facilitator: hashKey(keys.facilitator),
      participant: hashKey(keys.participant),
      viewer: hashKey(keys.viewer),
    },
  }
}

/** The role a key grants on a board, or null. Compares every hash in constant time. */
export function roleForKey(board: BoardRecord, key: string): Role | null {
  const hash = hashKey(key)
  let role: Role | null = null
  for (const r of ['facilitator', 'participant', 'viewer'] as const) {
    if (timingSafeEqual(hash, board.keyHashes[r])) role = r
  }
  return role
}

export type AccessResult =
  | { ok: true; role: Role; board: BoardRecord }
  | { ok: false; status: 401 | 403 | 404; code: 'MISSING_KEY' | 'WRONG_KEY' | 'BOARD_NOT_FOUND' }

/** One decision for HTTP and WebSocket alike: unknown board 404, no key 401, wrong key 403. */
export function checkAccess(
  board: BoardRecord | undefined,
  key: string | null | undefined,
): AccessResult {
  if (!board) return { ok: false, status: 404, code: 'BOARD_NOT_FOUND' }
  if (!key) return { ok: false, status: 401, code: 'MISSING_KEY' }
  const role = roleForKey(board, key)
  if (!role) return { ok: false, status: 403, code: 'WRONG_KEY' }
  return { ok: true, role, board }
}
