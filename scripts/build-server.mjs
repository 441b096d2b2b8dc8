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
  // The import worker (server/http/importRunner.ts) is its own entry, found beside the bundle.
  await build({
    entryPoints: [join(root, 'server', 'http', 'importWorker.ts')],
    outfile: join(root, 'dist', 'importWorker.js'),
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
