/**
 * Export timings: the problem tree as SVG and PNG, and the whole board's pact document (PDF),
 * for generated boards of 25, 300 and 2,000 cards (bench/export-board.ts: the problem tree, its
 * objective tree, actors, strategy and logframe). The functions the API calls, in this process,
 * warm (one untimed run first); median of the runs, file size, and the load average beside
 * each figure, with the CPU time it took (a truer figure when the machine is busy). The PNG is
 * split into its steps (text as glyph outlines, resvg's drawing, PNG encoding) to show where
 * its time goes.
 *
 * Run: `npm run bench:export` (options: `-- --sizes 25,300 --runs 5`).
 */
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { renderAsync } from '@resvg/resvg-js'
import { renderCanvas, FONT_FAMILY } from '../shared/render/index.ts'
import { encodePng, pngZoom, rasterise } from '../server/http/images.ts'
import { FONT_FILES } from '../server/export/fonts.ts'
import { textAsGlyphs } from '../server/export/glyphText.ts'
import { buildPactPdf } from '../server/export/pactPdf.ts'
import { exportBoard } from './export-board.ts'

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1]! : fallback
}
const SIZES = arg('sizes', '25,300,2000').split(',').map(Number)
const RUNS = Number(arg('runs', '3'))

interface Figure {
  ms: number
  /** CPU time of the whole process (resvg's and zlib's threads included). */
  cpu: number
  bytes: number
  load: number
}

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function measure(fn: () => Promise<number> | number, runs = RUNS): Promise<Figure> {
  await fn() // warm: modules, fonts, JIT
  const times: number[] = []
  const cpus: number[] = []
  const loads: number[] = []
  let bytes = 0
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    const cpu = process.cpuUsage()
    bytes = await fn()
    const used = process.cpuUsage(cpu)
    times.push(performance.now() - start)
    cpus.push((used.user + used.system) / 1000)
    loads.push(loadavg()[0]!)
  }
  return { ms: median(times), cpu: median(cpus), bytes, load: median(loads) }
}

const ms = (n: number) => `${Math.round(n).toLocaleString('en')} ms`
const fmt = (f: Figure) =>
  ms(f.ms).padStart(10) +
  `  (CPU ${ms(f.cpu)})`.padEnd(20) +
  `${(f.bytes / 1024).toFixed(0).padStart(7)} KiB` +
  `   load ${f.load.toFixed(1)}`

console.log(
  `export timings, median of ${RUNS} (after one warm run), load average (1 min) beside each`,
)
for (const size of SIZES) {
  const board = exportBoard(size)
  const image = renderCanvas(board, 'problems')
  const zoom = pngZoom(image.width, image.height, 2)
  const svg = await measure(() => renderCanvas(board, 'problems').svg.length)
  const png = await measure(async () => (await rasterise(image.svg, zoom)).length)
  // the PNG's steps, measured apart
  const glyphSvg = await textAsGlyphs(image.svg)
  let pixels: { width: number; height: number; pixels: Buffer } | undefined
  const draw = await measure(async () => {
    const drawn = await renderAsync(glyphSvg, {
      font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
      fitTo: { mode: 'zoom', value: zoom },
      background: '#ffffff',
    })
    // the pixels getter copies the whole buffer: read it once
    pixels = { width: drawn.width, height: drawn.height, pixels: drawn.pixels }
    return pixels.pixels.length
  })
  const glyphs = await measure(async () => (await textAsGlyphs(image.svg)).length)
  const encode = await measure(
    async () => (await encodePng(pixels!.width, pixels!.height, pixels!.pixels)).length,
  )
  // the largest documents take long: fewer runs
  const pdf = await measure(async () => (await buildPactPdf(board)).length, size > 500 ? 1 : RUNS)
  console.log(
    `\n${size} cards — problem tree ${Math.round(image.width)}×${Math.round(image.height)} px, PNG at zoom ${zoom.toFixed(2)} (${pixels!.width}×${pixels!.height})`,
  )
  console.log(`  SVG                ${fmt(svg)}`)
  console.log(`  PNG                ${fmt(png)}`)
  console.log(`    text as glyphs   ${fmt(glyphs)}`)
  console.log(`    resvg drawing    ${fmt(draw)}`)
  console.log(`    PNG encoding     ${fmt(encode)}`)
  console.log(`  PDF (whole board)  ${fmt(pdf)}`)
}
