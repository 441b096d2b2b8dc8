import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import { RoomPresence } from '../../server/sync/roomPresence.ts'
import { DEFAULT_LIMITS } from '../../server/sync/config.ts'
import type { Connection } from '../../server/sync/connection.ts'

const silent = { error() {}, warn() {}, info() {}, debug() {} } as never

function presenceWith(name: unknown) {
  const awareness = new Awareness(new Y.Doc())
  const presence = new RoomPresence(
    {
      id: 'board-000001',
      awareness,
      connections: new Set(),
      destroyed: false,
      relayToAll() {},
      onOwnPresence: null,
    },
    DEFAULT_LIMITS,
    silent,
  )
  awareness.states.set(7, { user: { name } })
  const conn = { awarenessIds: new Set([7]) } as unknown as Connection
  return presence.declaredName(conn)
}

describe('the name a connection declares (recorded by the history)', () => {
  it('is trimmed and cut to 80 characters, whatever the presence carries', () => {
    expect(presenceWith('  Anna  ')).toBe('Anna')
    expect(presenceWith('x'.repeat(60_000))).toHaveLength(80)
  })

  it('is null when the presence declares none, or blanks, or not a string', () => {
    expect(presenceWith('   ')).toBeNull()
    expect(presenceWith(42)).toBeNull()
    expect(presenceWith(undefined)).toBeNull()
  })
})
