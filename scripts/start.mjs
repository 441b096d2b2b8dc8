// `npm start`: builds what is stale — the client (vite) and the server (esbuild, into
// dist/server.js) — then serves client + API + sync on one port from the compiled server
// (server/main.ts reads PORT, HOST, DATA_DIR). Production runs plain JavaScript: no TypeScript
// loader, and no second Node process waiting beside the server.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

function newestMtime(path) {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

/** Whether `output` is missing or older than any of `sources` (paths relative to the root). */
function isStale(output, sources) {
  if (!existsSync(output)) return true
  const paths = sources.map((p) => join(root, p)).filter(existsSync)
  return Math.max(...paths.map(newestMtime)) > statSync(output).mtimeMs
}

/** Runs a build step in its own process, so none of its memory stays in the server's. */
function run(what, args) {
  console.log(`Building the ${what}…`)
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

const client = join(root, 'dist', 'client', 'index.html')
if (
  isStale(client, [
    'client',
    'shared',
    'vite.config.ts',
    'scripts/precompress.mjs',
    'package-lock.json',
  ])
)
  run('client', [
    join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
    'build',
    '--logLevel',
    'warn',
  ])

const server = join(root, 'dist', 'server.js')
const serverSources = ['server', 'shared', 'scripts/build-server.mjs', 'package-lock.json']
if (isStale(server, serverSources)) run('server', [join(root, 'scripts', 'build-server.mjs')])

// Stack traces point at the TypeScript sources.
process.setSourceMapsEnabled(true)
await import(pathToFileURL(server).href)
