// Starts the PDF worker from the TypeScript sources (tests, development): a worker does not
// inherit the parent's loaders, so it registers tsx itself. The compiled server uses the
// bundled dist/pdfWorker.js instead.
import { register } from 'tsx/esm/api'

register()
await import('./pdfWorker.ts')
