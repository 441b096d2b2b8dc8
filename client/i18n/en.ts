import { home } from './locales/en/home.ts'
import { board } from './locales/en/board.ts'

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
  },
  home,
  board,
}
