import { afterAll, beforeAll } from 'vitest'
import { openPostgresStore } from '../../server/storage/postgres.ts'
import type { BoardStore } from '../../server/storage/types.ts'
import { startPostgres, type RealPostgres } from '../helpers/realServers.ts'
import { storageContract } from '../helpers/storageContract.ts'

let postgres: RealPostgres
let url: string
beforeAll(async () => {
  postgres = await startPostgres()
  url = await postgres.freshDatabase()
}, 60_000)
afterAll(() => postgres?.stop(), 30_000)

storageContract('PostgreSQL', async () => {
  let store: BoardStore = await openPostgresStore(url)
  return {
    store,
    async reopen() {
      await store.close()
      store = await openPostgresStore(url)
      return store
    },
    close: () => store.close(),
  }
})
