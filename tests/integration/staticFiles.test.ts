import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { MIN_BYTES, precompress } from '../../scripts/precompress.mjs'
import { startServer } from '../helpers/server.ts'

/** A built client in miniature: a page, a hashed script and style, a small file, an image. */
const script = Array.from({ length: 400 }, (_, i) => `export const card${i} = "Carta ${i}";`).join(
  '\n',
)
const style = Array.from({ length: 100 }, (_, i) => `.card-${i} { color: #${i}${i}${i}; }`).join(
  '\n',
)
const page =
  '<!doctype html><html lang="it"><head><title>Trama</title>' +
  '<script type="module" src="/assets/index-a1b2c3.js"></script>' +
  '<link rel="stylesheet" href="/assets/index-d4e5f6.css"></head>' +
  `<body><div id="root"></div>${'<!-- spazio -->'.repeat(80)}</body></html>`
const tiny = 'export const x = 1\n'
const image = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256))

let server: Awaited<ReturnType<typeof startServer>>
let dir: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trama-static-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), page)
  writeFileSync(join(dir, 'assets', 'index-a1b2c3.js'), script)
  writeFileSync(join(dir, 'assets', 'index-d4e5f6.css'), style)
  writeFileSync(join(dir, 'assets', 'tiny-0a0b0c.js'), tiny)
  writeFileSync(join(dir, 'assets', 'logo-123abc.png'), image)
  await precompress(dir)
  server = await startServer({ staticDir: dir })
})
afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('the build’s compressed copies (scripts/precompress.mjs)', () => {
  it('writes a gzip and a brotli copy of each text file that decompress to it', () => {
    for (const [file, text] of [
      ['index.html', page],
      ['assets/index-a1b2c3.js', script],
      ['assets/index-d4e5f6.css', style],
    ] as const) {
      const gz = readFileSync(join(dir, `${file}.gz`))
      const br = readFileSync(join(dir, `${file}.br`))
      expect(gunzipSync(gz).toString(), file).toBe(text)
      expect(brotliDecompressSync(br).toString(), file).toBe(text)
      expect(br.length, file).toBeLessThan(Buffer.byteLength(text) / 2)
    }
  })

  it('leaves small files and images as they are', () => {
    expect(Buffer.byteLength(tiny)).toBeLessThan(MIN_BYTES)
    for (const file of ['assets/tiny-0a0b0c.js', 'assets/logo-123abc.png'])
      for (const ext of ['.gz', '.br'])
        expect(existsSync(join(dir, file + ext)), file + ext).toBe(false)
  })
})

describe('serving the client', () => {
  const get = (path: string, acceptEncoding: string) =>
    fetch(`${server.url}${path}`, { headers: { 'accept-encoding': acceptEncoding } })

  it('sends brotli or gzip to a browser that takes it, the file itself to one that does not', async () => {
    for (const [accept, encoding] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      ['identity', null],
    ] as const) {
      const res = await get('/assets/index-a1b2c3.js', accept)
      expect(res.status, accept).toBe(200)
      expect(res.headers.get('content-encoding'), accept).toBe(encoding)
      expect(res.headers.get('content-type'), accept).toMatch(/javascript/)
      expect(res.headers.get('vary') ?? '', accept).toMatch(/accept-encoding/i)
      // fetch decompresses: the body is the script as built
      expect(await res.text(), accept).toBe(script)
    }
    const css = await get('/assets/index-d4e5f6.css', 'br')
    expect(css.headers.get('content-encoding')).toBe('br')
    expect(css.headers.get('content-type')).toMatch(/text\/css/)
    expect(await css.text()).toBe(style)
  })

  it('sends a small file or an image as it is', async () => {
    const small = await get('/assets/tiny-0a0b0c.js', 'br, gzip')
    expect(small.headers.get('content-encoding')).toBeNull()
    expect(await small.text()).toBe(tiny)
    const png = await get('/assets/logo-123abc.png', 'br, gzip')
    expect(png.headers.get('content-encoding')).toBeNull()
    expect(Buffer.from(await png.arrayBuffer()).equals(image)).toBe(true)
  })

  it('sends the page compressed too, at its own address and at a board’s', async () => {
    for (const path of ['/', '/b/una-lavagna']) {
      const res = await get(path, 'br')
      expect(res.status, path).toBe(200)
      expect(res.headers.get('content-type'), path).toMatch(/text\/html/)
      expect(res.headers.get('content-encoding'), path).toBe('br')
      expect(await res.text(), path).toBe(page)
    }
  })

  it('lets browsers keep the hashed assets for a year, and ask for the page each time', async () => {
    for (const path of [
      '/assets/index-a1b2c3.js',
      '/assets/tiny-0a0b0c.js',
      '/assets/logo-123abc.png',
    ])
      for (const accept of ['br', 'identity'])
        expect((await get(path, accept)).headers.get('cache-control'), `${path} ${accept}`).toBe(
          'public, max-age=31536000, immutable',
        )
    for (const path of ['/', '/b/una-lavagna'])
      for (const accept of ['br', 'identity'])
        expect((await get(path, accept)).headers.get('cache-control'), `${path} ${accept}`).toBe(
          'no-cache',
        )
  })
})
