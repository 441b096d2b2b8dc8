// first: before any schema is made (zod's probe of eval breaks the page's security policy)
import './boot/zodWithoutEval.ts'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { initI18n } from './i18n/index.ts'
import { App } from './app/App.tsx'
import { parseRoute } from './app/route.ts'
import { loadPhase } from './board/phases.tsx'
import './app/global.css'

// A board opens on its problem tree: that view's code comes beside the board's data.
if (parseRoute(location).page === 'board') void loadPhase('problems')
const render = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
const texts = initI18n()
if (texts) void texts.then(render, render)
else render()
