import { home } from './locales/it/home.ts'
import { room } from './locales/it/room.ts'
import { board } from './locales/it/board.ts'
import { objectives } from './locales/it/objectives.ts'
import { strategy } from './locales/it/strategy.ts'
import { stakeholders } from './locales/it/stakeholders.ts'
import { pact } from './locales/it/pact.ts'
import { pactMonitoring } from './locales/it/pactMonitoring.ts'
import { exportFiles } from './locales/it/exportFiles.ts'
import { history } from './locales/it/history.ts'
import { facilitation } from './locales/it/facilitation.ts'

export const it = {
  common: {
    appName: 'Trama',
    tagline: 'Lavagna collaborativa per i Patti Territoriali',
    language: 'Lingua',
    loading: 'Caricamento…',
    retry: 'Riprova',
    close: 'Chiudi',
    cancel: 'Annulla',
    save: 'Salva',
    copy: 'Copia',
    copied: 'Copiato',
    home: 'Home',
    openingEditor: 'Testo della carta in apertura',
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
