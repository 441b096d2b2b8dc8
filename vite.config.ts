import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import type { Plugin } from 'vite'
import react from '@vitejs/plugin-react'

const serverPort = Number(process.env.TRAMA_DEV_SERVER_PORT ?? 1234)

/** The early start of a board page (client/boot/early.ts): an entry of its own. */
const EARLY_ENTRY = 'early'

/**
 * Puts the early start first in the page as an async module script: the browser runs it as soon
 * as it has it (a few hundred bytes), while the app's JavaScript is still on its way. The app
 * imports the same module (the same address, so the same instance) to take what it started.
 */
function earlyStart(): Plugin {
  return {
    name: 'trama-early-start',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.isEntry && c.name === EARLY_ENTRY,
        )
        if (ctx.bundle && !chunk) throw new Error('the early start was not built')
        const src = chunk ? `/${chunk.fileName}` : '/boot/early.ts'
        const attrs = { type: 'module', async: true, crossorigin: true, src }
        return [{ tag: 'script', attrs, injectTo: 'head-prepend' }]
      },
    },
  }
}

export default defineConfig({
  root: 'client',
  plugins: [react(), earlyStart()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'client/index.html'),
        [EARLY_ENTRY]: resolve(import.meta.dirname, 'client/boot/early.ts'),
      },
    },
  },
  server: {
    // `npm run dev:client` proxies API and sync to a server started with `npm start`.
    proxy: {
      '/api': `http://127.0.0.1:${serverPort}`,
      '/sync': { target: `ws://127.0.0.1:${serverPort}`, ws: true },
    },
  },
  test: {
    root: '.',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root: '.',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          root: '.',
          include: ['tests/integration/**/*.test.ts'],
          // a kill -9 test starts a server twice: room for a busy machine
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: '.',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
