import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { it } from './it.ts'

export const LANGUAGES = ['it', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
const STORAGE_KEY = 'trama.lang'

/**
 * Italian comes with the page; another language's texts are a chunk of their own, fetched when
 * someone chooses it (most rooms never do, and every page would load and run them).
 */
const OTHER_LANGUAGES: Record<Exclude<Language, 'it'>, () => Promise<Record<string, object>>> = {
  en: () => import('./en.ts').then((m) => m.en),
}

/** How long a page set to another language waits for its texts before it draws in Italian. */
const WAIT_FOR_TEXTS_MS = 3_000
/** The language last chosen: texts that arrive after another choice do not switch to theirs. */
let wanted: Language = 'it'

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY)
    return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : 'it'
  } catch {
    return 'it'
  }
}

/** Resolves once `lang`'s texts are here; false when they could not be fetched. */
async function loadLanguage(lang: Language): Promise<boolean> {
  if (lang === 'it' || i18next.hasResourceBundle(lang, 'common')) return true
  try {
    const bundle = await OTHER_LANGUAGES[lang]()
    for (const [ns, texts] of Object.entries(bundle))
      i18next.addResourceBundle(lang, ns, texts, true, true)
    return true
  } catch {
    return false
  }
}

/**
 * Italian first, English second; every string of the UI goes through here. Returns nothing
 * when the page can be drawn at once (Italian), else a promise that resolves when the chosen
 * language's texts are in (the page would otherwise show in Italian first) or, if they do not
 * come within a few seconds, then, in Italian (the page switches to them when they come).
 */
export function initI18n(): Promise<void> | undefined {
  const lang = storedLanguage()
  wanted = lang
  void i18next.use(initReactI18next).init({
    resources: { it },
    lng: 'it',
    fallbackLng: 'it',
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  })
  document.documentElement.lang = 'it'
  if (lang === 'it') return undefined
  const switched = loadLanguage(lang).then((loaded) => (loaded ? switchTo(lang) : undefined))
  const late = new Promise<void>((resolve) => setTimeout(resolve, WAIT_FOR_TEXTS_MS))
  return Promise.race([switched, late])
}

async function switchTo(lang: Language): Promise<void> {
  if (wanted !== lang) return
  await i18next.changeLanguage(lang)
  document.documentElement.lang = lang
}

export function setLanguage(lang: Language): void {
  wanted = lang
  try {
    localStorage.setItem(STORAGE_KEY, lang)
  } catch {
    // private mode: the choice lasts for this page only
  }
  void loadLanguage(lang).then((loaded) => (loaded ? switchTo(lang) : undefined))
}
