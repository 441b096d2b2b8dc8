import { afterAll } from 'vitest'
import { connectSynced, type Client } from './clients.ts'
import { createBoard } from './server.ts'

/**
 * `seeded()`: a board, and the facilitator's stock client that writes into it (closed after
 * the file's tests). `server` is read when a board is made (the suite starts it before).
 */
export function seededBoards(suite: { server: { url: string } }) {
  const clients: Client[] = []
  afterAll(() => clients.forEach((c) => c.destroy()))
  return async function seeded(title = 'Patto Valle') {
    const board = await createBoard(suite.server.url, title)
    const seeder = await connectSynced(suite.server.url, board.id, board.keys.facilitator)
    clients.push(seeder)
    return { board, doc: seeder.doc }
  }
}
