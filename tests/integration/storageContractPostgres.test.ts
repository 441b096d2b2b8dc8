import { afterAll, beforeAll } from 'vitest'
import { openPostgresStore } from '../../server/storage/postgres.ts'
import type { BoardStore } from '../../server/storage/types.ts'
import { startPostgres, type RealPostgres } from '../helpers/realServers.ts'
import { storageContract } from '../helpers/storageContract.ts'
import { reopenable } from '../helpers/reopenable.ts'

let postgres: RealPostgres
let url: string
beforeAll(async () => {
  postgres = await startPostgres()
  url = await postgres.freshDatabase()
}, 60_000)
afterAll(() => postgres?.stop(), 30_000)

storageContract('PostgreSQL', () => reopenable<BoardStore>(() => openPostgresStore(url)))
