import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { Resvg, renderAsync } from '@resvg/resvg-js'
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
import type { BoardStore } from '../storage/types.ts'
import type { RoomRegistry } from '../sync/rooms.ts'

/**
 * The font every PNG is drawn with comes from an npm package of the project (DejaVu Sans, whose
 * metrics the renderer wraps text with), never from the machine: the same picture everywhere.
 */
const fontDir = join(
  dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
)
export const FONT_FILES = [join(fontDir, 'DejaVuSans.ttf'), join(fontDir, 'DejaVuSans-Bold.ttf')]

/**
 * A very large canvas at 3× would need gigabytes of pixels: past this many, the picture is
 * drawn at the largest scale that fits (its file name and content stay the same).
 */
export const MAX_PNG_PIXELS = 40_000_000
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

/** SVG → PNG on libuv's thread pool (renderAsync), so a big picture never stalls the sync. */
export async function rasterise(svg: string, zoom: number): Promise<Buffer> {
  const image = await renderAsync(svg, {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    fitTo: { mode: 'zoom', value: zoom },
    background: '#ffffff',
  })
  return image.asPng()
}

/** Loads resvg's native binary now: a machine it does not run on fails at start, not mid-workshop. */
export function checkRasteriser(): void {
  new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>').render()
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
  app.get('/api/boards/:id/export/:file', async (req, reply) => {
    const p = params.safeParse(req.params)
    if (!p.success) return reply.code(404).send(errorBody('BOARD_NOT_FOUND'))
    const q = query.safeParse(req.query)
    if (!q.success) return reply.code(400).send(errorBody('BAD_REQUEST', ['scale: 2 or 3']))
    const access = checkAccess(deps.store.getBoard(p.data.id), q.data.key)
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
    const zoom = pngZoom(image.width, image.height, Number(q.data.scale))
    return reply.type('image/png').send(await rasterise(image.svg, zoom))
  })
}
