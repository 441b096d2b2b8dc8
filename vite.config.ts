import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import type { Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { precompress } from './scripts/precompress.mjs'
import { FIRST_VIEW_STYLES } from './client/boot/firstViewStyles.ts'
import { LATER_VIEWS } from './client/boot/laterViews.ts'

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

/** The view every board opens on (client/board/phases.tsx loads it as the app starts). */
const FIRST_VIEW = 'client/problems/ProblemsPhase.tsx'

/**
 * Asks for the first view's code with the app's: its chunks (React Flow among them) are
 * announced in the page, so the browser fetches and compiles them beside the entry instead of
 * once the entry has run and asked for them (which left the board's data waiting 20–60 ms for
 * them on a 2,000-card board). The home page fetches them too (they are in the cache for the
 * board it opens next). Its CSS is not announced, as a style fetched and not applied within a
 * few seconds is a warning in the console of every home page: the page lists it in a meta tag,
 * and the early start of a board's page asks for it (client/boot/firstViewStyles.ts). The links
 * say `data-first-view`, so the client benchmark counts them apart from the entry.
 */
function firstViewPreload(): Plugin {
  return {
    name: 'trama-first-view-preload',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle
        if (!bundle) return
        const view = Object.values(bundle).find(
          (c) => c.type === 'chunk' && c.moduleIds.some((id) => id.endsWith(FIRST_VIEW)),
        )
        if (!view) throw new Error(`the first view (${FIRST_VIEW}) was not built as a chunk`)
        const files = new Set<string>()
        const visit = (fileName: string) => {
          const chunk = bundle[fileName]
          if (chunk?.type !== 'chunk' || files.has(fileName)) return
          files.add(fileName)
          chunk.imports.forEach(visit)
        }
        visit(view.fileName)
        const styles = [...files].flatMap((file) => {
          const chunk = bundle[file]
          const css = chunk?.type === 'chunk' ? [...(chunk.viteMetadata?.importedCss ?? [])] : []
          return css.filter((style) => !html.includes(`/${style}"`))
        })
        // what the page loads already (the entry and its imports) is not announced twice
        const scripts = [...files]
          .filter((file) => !html.includes(`/${file}"`))
          .map((file) => ({
            tag: 'link',
            attrs: {
              rel: 'modulepreload',
              crossorigin: true,
              href: `/${file}`,
              'data-first-view': true,
            },
            injectTo: 'head' as const,
          }))
        // the view's styles, for the early start to ask for on a board's page (FIRST_VIEW_STYLES)
        const list = {
          tag: 'meta',
          attrs: { name: FIRST_VIEW_STYLES, content: styles.map((file) => `/${file}`).join(' ') },
          injectTo: 'head' as const,
        }
        return [...scripts, list]
      },
    },
  }
}

/**
 * Lists in the page every script and style the page does not load itself (the other phases,
 * the pact's views, the history, the English texts), for a board's page to fetch into the cache
 * once it is open (client/boot/laterViews.ts): a view first opened offline then still loads.
 */
function laterViews(): Plugin {
  return {
    name: 'trama-later-views',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle
        if (!bundle) return
        const files = Object.values(bundle)
          .filter((f) => (f.type === 'chunk' ? !f.isEntry : f.fileName.endsWith('.css')))
          .map((f) => f.fileName)
          .filter((file) => !html.includes(`/${file}"`) && !html.includes(`/${file} `))
          .sort()
        return [
          {
            tag: 'meta',
            attrs: { name: LATER_VIEWS, content: files.map((file) => `/${file}`).join(' ') },
            injectTo: 'head' as const,
          },
        ]
      },
    },
  }
}

/**
 * A gzip and a brotli copy of every text file built (scripts/precompress.mjs), for the server to
 * send instead of the file to browsers that take them.
 */
function precompressed(): Plugin {
  let outDir = ''
  return {
    name: 'trama-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
    closeBundle: {
      order: 'post',
      async handler(error) {
        // a failed build wrote nothing: its own error is the one to read
        if (error) return
        const { files, bytes, brotliBytes } = await precompress(outDir)
        const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`
        this.info(`${files} files compressed: ${kb(bytes)} → ${kb(brotliBytes)} in brotli`)
      },
    },
  }
}

type ModuleGraph = { getModuleInfo(id: string): { importedIds: readonly string[] } | null }

/** Every module `from` imports statically, itself included. */
function staticClosure(graph: ModuleGraph, from: string): Set<string> {
  const seen = new Set<string>()
  const visit = (id: string) => {
    if (seen.has(id)) return
    seen.add(id)
    graph.getModuleInfo(id)?.importedIds.forEach(visit)
  }
  visit(from)
  return seen
}

/**
 * What a board's page loads first comes in two chunks: the app (the page's entry and what
 * main.tsx imports, but for the early start's modules, which stay the early start's own) and
 * the first view (what the problem tree imports beyond the app). Left to itself the bundler cut
 * them into a dozen chunks of 0.3–2 KB, one for each set of views sharing a module, and a
 * browser asks a server on HTTP/1.1 for six files at a time: the page's 15 scripts and styles
 * came in three rounds. Now it asks for six (the early start, the app, the bundler's runtime,
 * the first view, two style sheets). Each group takes only the modules named here
 * (`includeDependenciesRecursively: false`): the app's imports are all in the app or the early
 * start, the first view's in itself or those two, so no chunk waits on a later one. The other
 * views are split as the bundler sees fit.
 */
function firstLoadGroups() {
  const root = resolve(import.meta.dirname, 'client')
  const page = resolve(root, 'index.html')
  let sets: { early: Set<string>; app: Set<string>; view: Set<string> } | null = null
  const setsOf = (graph: ModuleGraph) =>
    (sets ??= {
      early: staticClosure(graph, resolve(root, 'boot/early.ts')),
      app: staticClosure(graph, resolve(root, 'main.tsx')),
      view: staticClosure(graph, resolve(import.meta.dirname, FIRST_VIEW)),
    })
  const chunkOf = (id: string, graph: ModuleGraph) => {
    const { early, app, view } = setsOf(graph)
    if (early.has(id)) return null
    // the page's own module and Vite's preload helper make it the entry's chunk
    if (app.has(id) || id === page || id.includes('vite/modulepreload-polyfill')) return 'app'
    return view.has(id) ? 'first-view' : null
  }
  return [{ debugName: 'first load', name: chunkOf, includeDependenciesRecursively: false }]
}

export default defineConfig({
  root: 'client',
  plugins: [react(), earlyStart(), firstViewPreload(), laterViews(), precompressed()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'client/index.html'),
        [EARLY_ENTRY]: resolve(import.meta.dirname, 'client/boot/early.ts'),
      },
      output: { codeSplitting: { groups: firstLoadGroups() } },
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
          // the seeded property tests (thousands of random edits) take 2–3 s on a calm machine
          // and over 5 (vitest's default limit) on a busy one: a limit is not a speed test
          testTimeout: 30_000,
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
          // Two files at a time: one file's server, Chromium and waits leave most of this
          // two-core machine idle (the whole suite: 613 s one at a time, 457 s two at a time,
          // every test passing; tests wait for state, not for a time). E2E_WORKERS=1 runs them
          // one by one.
          fileParallelism: process.env.E2E_WORKERS !== '1',
          maxWorkers: Math.max(1, Number(process.env.E2E_WORKERS ?? 2) || 2),
        },
      },
    ],
  },
})
