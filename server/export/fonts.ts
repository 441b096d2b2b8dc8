import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * The fonts every picture and document is drawn with come from an npm package of the project
 * (DejaVu Sans, whose metrics the renderer wraps text with), never from the machine: the same
 * output everywhere.
 */
const fontDir = join(
  dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
)
export const FONT_FILES = [join(fontDir, 'DejaVuSans.ttf'), join(fontDir, 'DejaVuSans-Bold.ttf')]
export const OBLIQUE_FONT_FILE = join(fontDir, 'DejaVuSans-Oblique.ttf')
