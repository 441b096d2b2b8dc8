/**
 * Builds the benchmark's baseline page (a bare React Flow board, see client-baseline/main.tsx)
 * into dist/bench-baseline: `npx vite build --config bench/vite.baseline.config.ts`.
 */
import { join } from 'node:path'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  root: join(import.meta.dirname, 'client-baseline'),
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: join(import.meta.dirname, '..', 'dist', 'bench-baseline'),
    emptyOutDir: true,
    // Source maps let the bench name the functions it finds in CPU profiles.
    sourcemap: true,
    chunkSizeWarningLimit: 1000,
  },
})
