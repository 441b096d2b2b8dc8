import { useTranslation } from 'react-i18next'
import { LANGUAGES, setLanguage } from '../i18n/index.ts'

/** IT / EN toggle: two buttons, the current one pressed. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation('home')
  const current = i18n.resolvedLanguage ?? i18n.language
  return (
    <div className="lang-switch" role="group" aria-label={t('common:language')}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          aria-pressed={current === lang}
          title={t(`languageNames.${lang}`)}
          onClick={() => setLanguage(lang)}
        >
          <span aria-hidden="true">{lang.toUpperCase()}</span>
          <span className="visually-hidden">{t(`languageNames.${lang}`)}</span>
        </button>
      ))}
    </div>
  )
}
