import { afterEach } from 'vitest'
import { connectSynced, type Client } from './clients.ts'
import { startServer } from './server.ts'

/**
 * What integration tests start and must stop: servers on port 0 with a temporary data folder,
 * stock clients, sockets. Everything registered is closed after each test, newest first.
 */
export function integrationSuite() {
  const cleanup: (() => unknown)[] = []
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn()
  })
  const later = (fn: () => unknown) => void cleanup.push(fn)
  return {
    later,
    async server(options: Parameters<typeof startServer>[0] = {}) {
      const s = await startServer(options)
      later(() => s.close())
      return s
    },
    async client(url: string, id: string, key: string): Promise<Client> {
      const c = await connectSynced(url, id, key)
      later(() => c.destroy())
      return c
    },
  }
}
