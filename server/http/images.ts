import { createRequire } from 'node:module'
import { promisify } from 'node:util'
import { crc32, deflate as deflateCallback } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { errorBody } from '../../shared/errors.ts'
import { BOARD_ID_PATTERN } from '../../shared/protocol.ts'
import { exportBoard } from '../../shared/export/index.ts'
import {
  FONT_FAMILY,
  IMAGE_CANVASES,
  imageFileName,
  renderCanvas,
} from '../../shared/render/index.ts'
import { checkAccess } from '../auth/keys.ts'
import { FONT_FILES } from '../export/fonts.ts'
import { textAsGlyphs } from '../export/glyphText.ts'
import type { BoardStore } from '../storage/types.ts'
import type { RoomRegistry } from '../sync/rooms.ts'

export { FONT_FILES }

/**
 * A very large canvas at 3× would need gigabytes of pixels: past this many, the picture is
 * drawn at the largest scale that fits (its file name and content stay the same).
 */
export const MAX_PNG_PIXELS = 32_000_000
/**
 * PNGs drawn at once: each can hold a few hundred MB of pixels for a second or two, so a burst
 * of downloads is answered 503 (retry) rather than exhausting the memory of a 2-core box.
 */
export const PNG_AT_ONCE = 2
/** resvg's (and most viewers') limit for one side. */
const MAX_PNG_SIDE = 16_000

const params = z.object({
  id: z.string().regex(BOARD_ID_PATTERN),
  file: z.string(),
})
const query = z.object({
  key: z.string().max(200).optional(),
  scale: z.enum(['2', '3']).default('2'),
  lang: z.enum(['it', 'en']).default('it'),
})
const FILE = new RegExp(`^(${IMAGE_CANVASES.join('|')})\\.(svg|png)$`)

/** The largest zoom ≤ `scale` that keeps the PNG within the pixel and side limits. */
export function pngZoom(width: number, height: number, scale: number): number {
  const byPixels = Math.sqrt(MAX_PNG_PIXELS / (width * height))
  const bySide = MAX_PNG_SIDE / Math.max(width, height)
  return Math.min(scale, byPixels, bySide)
}

const deflate = promisify(deflateCallback)
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))) >>> 0)
  return Buffer.concat([head, data, crc])
}

/**
 * RGBA pixels → PNG. resvg's own encoder (asPng) runs on the main thread and compresses hard:
 * about 2.5 s for a 300-card tree, during which no board syncs. Here rows are only framed
 * (filter 0) and zlib compresses at level 3 on the thread pool: about 5× faster, the file a
 * little larger, the event loop free.
 */
export async function encodePng(width: number, height: number, rgba: Buffer): Promise<Buffer> {
  const stride = width * 4
  const rows = Buffer.alloc((stride + 1) * height) // each row: filter byte 0, then its pixels
  for (let y = 0; y < height; y++)
    rgba.copy(rows, y * (stride + 1) + 1, y * stride, (y + 1) * stride)
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bits per channel
  header[9] = 6 // RGBA (the background is opaque white, so premultiplied = straight)
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', header),
    pngChunk('IDAT', await deflate(rows, { level: 3 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

/**
 * SVG → PNG: the text as glyph outlines first (textAsGlyphs: resvg's own text layout was most
 * of the time), then drawn on libuv's thread pool (renderAsync), so a big picture never stalls
 * the sync.
 */
export async function rasterise(svg: string, zoom: number): Promise<Buffer> {
  const { renderAsync } = await loadResvg()
  const image = await renderAsync(await textAsGlyphs(svg), {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    fitTo: { mode: 'zoom', value: zoom },
    background: '#ffffff',
  })
  return encodePng(image.width, image.height, image.pixels)
}

/**
 * resvg (a native binary) is loaded on the first PNG: a loaded library stays in the process for
 * good, about 5 MB of memory for a server whose workshops may never ask for a picture.
 */
let resvg: Promise<typeof import('@resvg/resvg-js')> | null = null
const loadResvg = () => (resvg ??= import('@resvg/resvg-js'))

/** Finds resvg at start: an installation without it fails now, not mid-workshop. */
export function checkRasteriser(): void {
  createRequire(import.meta.url).resolve('@resvg/resvg-js')
}

/**
 * `GET /api/boards/:id/export/<canvas>.svg|png?key=K[&scale=2|3][&lang=it|en]`: the whole
 * canvas drawn by the shared renderer (shared/render) from the board's export, so the API's
 * picture and the page's download are the same. Keys are checked as for export.json.
 */
export function registerImageRoutes(
  app: FastifyInstance,
  deps: { store: BoardStore; registry: RoomRegistry },
): void {
  checkRasteriser()
  let drawing = 0
  app.get('/api/boards/:id/export/:file', async (req, reply) => {
    const p = params.safeParse(req.params)
    if (!p.success) return reply.code(404).send(errorBody('BOARD_NOT_FOUND'))
    const q = query.safeParse(req.query)
    if (!q.success) return reply.code(400).send(errorBody('BAD_REQUEST', ['scale: 2 or 3']))
    const access = checkAccess(await deps.store.getBoard(p.data.id), q.data.key)
    if (!access.ok) return reply.code(access.status).send(errorBody(access.code))
    const match = FILE.exec(p.data.file)
    if (!match) return reply.code(404).send(errorBody('NOT_FOUND'))
    const canvas = match[1] as (typeof IMAGE_CANVASES)[number]
    const format = match[2] as 'svg' | 'png'

    const board = await deps.registry.withRoom(access.board.id, (room) =>
      room.newerSchema ? null : exportBoard(room.doc),
    )
    if (!board) return reply.code(409).send(errorBody('NEWER_SCHEMA'))
    const day = board.exportedAt.slice(0, 10)
    const image = renderCanvas(board, canvas, { lang: q.data.lang, day })
    const filename = imageFileName(board.title, canvas, day, format)
    reply.header('content-disposition', `attachment; filename="${filename}"`)
    reply.header('cache-control', 'no-store')
    if (format === 'svg')
      return reply
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .type('image/svg+xml; charset=utf-8')
        .send(image.svg)
    if (drawing >= PNG_AT_ONCE)
      return reply
        .code(503)
        .header('retry-after', '2')
        .send(errorBody('SERVER_BUSY', ['other images are being drawn: retry in a moment']))
    drawing += 1
    try {
      const zoom = pngZoom(image.width, image.height, Number(q.data.scale))
      return reply.type('image/png').send(await rasterise(image.svg, zoom))
    } finally {
      drawing -= 1
    }
  })
}
