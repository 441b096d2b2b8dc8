// Compiles the server once into plain JavaScript (`dist/server.js`), as the client is built
// into dist/client: production runs no TypeScript loader. Dependencies stay in node_modules
// (only our own server/ and shared/ code is bundled). The bundle sits one level below the
// project root, like server/main.ts, so its paths to dist/client resolve the same way.
import { build } from 'esbuild'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const serverBundle = join(root, 'dist', 'server.js')

export async function buildServer() {
  await build({
    entryPoints: [join(root, 'server', 'main.ts')],
    outfile: serverBundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  })
  // The workers (server/http/importRunner.ts, server/export/pdfRunner.ts) are entries of their
  // own, found beside the bundle.
  for (const [entry, out] of [
    [join(root, 'server', 'http', 'importWorker.ts'), 'importWorker.js'],
    [join(root, 'server', 'export', 'pdfWorker.ts'), 'pdfWorker.js'],
  ])
    await build({
      entryPoints: [entry],
      outfile: join(root, 'dist', out),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      sourcemap: true,
      logLevel: 'warning',
    })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer()
