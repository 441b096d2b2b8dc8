import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en.ts'
import { it } from './it.ts'

export const LANGUAGES = ['it', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
const STORAGE_KEY = 'trama.lang'

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY)
    return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : 'it'
  } catch {
    return 'it'
  }
}

/** Italian first, English second; every string of the UI goes through here. */
export function initI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: { it, en },
    lng: storedLanguage(),
    fallbackLng: 'it',
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  })
  document.documentElement.lang = i18next.language
  return i18next
}

export function setLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang)
  } catch {
    // private mode: the choice lasts for this page only
  }
  void i18next.changeLanguage(lang)
  document.documentElement.lang = lang
}
