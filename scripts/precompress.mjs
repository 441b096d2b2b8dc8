// Writes a gzip and a brotli copy beside each text file of a built client (`app.js` →
// `app.js.gz`, `app.js.br`), once at build time. The server sends the copy a browser accepts
// (server/app.ts, `preCompressed`), so nothing is compressed per request: a board's page and
// its first view are ~880 KiB of JavaScript and CSS as built, ~240 KiB in brotli. Thirty laptops
// opening the board at once over a venue's Wi-Fi fetch a third of the bytes.
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

const gzip = promisify(zlib.gzip)
const brotli = promisify(zlib.brotliCompress)

/** What is worth compressing: text. Images and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|webmanifest)$/
/** Below this a response fits in a packet or two either way. */
export const MIN_BYTES = 1024

async function* filesUnder(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* filesUnder(path)
    else if (entry.isFile()) yield path
  }
}

/**
 * Compresses every text file of `dir` (and below) of at least {@link MIN_BYTES}; a copy that
 * would not be smaller is not written. Returns the totals, for the build's log.
 */
export async function precompress(dir) {
  const totals = { files: 0, bytes: 0, gzipBytes: 0, brotliBytes: 0 }
  const jobs = []
  for await (const path of filesUnder(dir)) {
    if (!COMPRESSIBLE.test(path)) continue
    jobs.push(
      (async () => {
        const data = await readFile(path)
        if (data.length < MIN_BYTES) return
        const [gz, br] = await Promise.all([
          gzip(data, { level: 9 }),
          brotli(data, {
            params: {
              [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
              [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
            },
          }),
        ])
        totals.files++
        totals.bytes += data.length
        totals.gzipBytes += Math.min(gz.length, data.length)
        totals.brotliBytes += Math.min(br.length, data.length)
        if (gz.length < data.length) await writeFile(`${path}.gz`, gz)
        if (br.length < data.length) await writeFile(`${path}.br`, br)
      })(),
    )
  }
  await Promise.all(jobs)
  return totals
}
