/**
 * Child process: the reference y-websocket server (@y/websocket-server), in memory and without
 * auth, on a loopback port. The bench starts it with YPERSISTENCE unset.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'
import { getPersistence, setupWSConnection } from '@y/websocket-server/utils'
import { runControlledServer } from './ipc.ts'

await runControlledServer(async () => {
  if (process.env.YPERSISTENCE !== undefined || getPersistence() !== null)
    throw new Error('the reference server must run in memory: unset YPERSISTENCE')
  const http = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' })
    res.end('okay')
  })
  const wss = new WebSocketServer({ noServer: true })
  wss.on('connection', setupWSConnection)
  http.on('upgrade', (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
  })
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(0, '127.0.0.1', resolve)
  })
  const { port } = http.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    tempDir: null,
    async stop() {
      for (const ws of wss.clients) ws.terminate()
      wss.close()
      http.closeAllConnections()
      await new Promise<void>((resolve) => http.close(() => resolve()))
    },
  }
})
