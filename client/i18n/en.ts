import { home } from './locales/en/home.ts'
import { room } from './locales/en/room.ts'
import { board } from './locales/en/board.ts'
import { objectives } from './locales/en/objectives.ts'
import { strategy } from './locales/en/strategy.ts'
import { stakeholders } from './locales/en/stakeholders.ts'
import { pact } from './locales/en/pact.ts'
import { pactMonitoring } from './locales/en/pactMonitoring.ts'
import { exportFiles } from './locales/en/exportFiles.ts'
import { history } from './locales/en/history.ts'
import { facilitation } from './locales/en/facilitation.ts'

export const en = {
  common: {
    appName: 'Trama',
    tagline: 'Collaborative whiteboard for Territorial Pacts',
    language: 'Language',
    loading: 'Loading…',
    retry: 'Retry',
    close: 'Close',
    cancel: 'Cancel',
    save: 'Save',
    copy: 'Copy',
    copied: 'Copied',
    home: 'Home',
    openingEditor: 'Text of the card being opened',
  },
  home,
  board,
  objectives,
  strategy,
  stakeholders,
  pact,
  pactMonitoring,
  exportFiles,
  history,
  room,
  facilitation,
}
