import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

/** The QR code of `text` as an SVG string (crisp at any size, so it scales to a projector). */
export function useQrSvg(text: string): { svg: string | null; failed: boolean } {
  const [state, setState] = useState<{ text: string; svg: string | null; failed: boolean }>({
    text: '',
    svg: null,
    failed: false,
  })
  useEffect(() => {
    let live = true
    // the encoder loads with the first code: the board page's first paint does without it
    import('qrcode')
      .then(({ default: QRCode }) =>
        QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
      )
      .then(
        (svg) => live && setState({ text, svg, failed: false }),
        () => live && setState({ text, svg: null, failed: true }),
      )
    return () => {
      live = false
    }
  }, [text])
  return state.text === text ? state : { svg: null, failed: false }
}

export function QrImage({
  svg,
  label,
  className,
}: {
  svg: string
  label: string
  className: string
}) {
  return (
    <div
      className={className}
      role="img"
      aria-label={label}
      data-testid="qr-code"
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  )
}

interface Props {
  /** The participant link. */
  text: string
  boardTitle: string
}

/** The participant link as a QR code, with a full-screen view for the projector. */
export function QrCode({ text, boardTitle }: Props) {
  const { t } = useTranslation('home')
  const { svg, failed } = useQrSvg(text)
  const dialog = useRef<HTMLDialogElement>(null)
  const [full, setFull] = useState(false)
  const ownsFullscreen = useRef(false)
  /** Whether the view is still wanted when the browser answers the full-screen request. */
  const wanted = useRef(full)
  wanted.current = full
  const headingId = useId()

  useEffect(() => {
    const el = dialog.current
    if (!el) return
    if (full && !el.open) {
      // Real full screen where allowed, asked for first: the page made full screen goes on
      // top of what is already shown, and a dialog opened before it was hidden under the page.
      // The modal alone covers the window where full screen is refused.
      const open = () => {
        if (!el.open) el.showModal()
      }
      const request = document.documentElement.requestFullscreen?.()
      if (!request) open()
      else
        request.then(
          () => {
            // closed again before the browser switched: leave full screen at once
            if (!wanted.current) return void document.exitFullscreen().catch(() => {})
            ownsFullscreen.current = true
            open()
          },
          () => wanted.current && open(),
        )
    } else if (!full) {
      if (el.open) el.close()
      if (ownsFullscreen.current && document.fullscreenElement)
        void document.exitFullscreen().catch(() => {})
      ownsFullscreen.current = false
    }
  }, [full])

  useEffect(() => {
    // Esc in browser full screen leaves it without reaching the page: close the view too.
    const onChange = () => {
      if (!document.fullscreenElement && ownsFullscreen.current) setFull(false)
    }
    document.addEventListener('fullscreenchange', onChange)
    return () => document.removeEventListener('fullscreenchange', onChange)
  }, [])

  if (failed)
    return (
      <p className="qr-panel__error" role="alert">
        {t('qr.error')}
      </p>
    )

  return (
    <div className="qr-panel">
      {svg ? <QrImage svg={svg} label={t('qr.alt')} className="qr" /> : <div className="qr" />}
      <p className="qr-panel__hint">{t('qr.hint')}</p>
      <button type="button" onClick={() => setFull(true)} disabled={!svg} aria-haspopup="dialog">
        <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5" />
        </svg>
        {t('qr.showFull')}
      </button>
      <dialog
        ref={dialog}
        className="qr-full"
        aria-labelledby={headingId}
        onClose={() => setFull(false)}
      >
        <div className="qr-full__top">
          <h2 id={headingId}>{t('qr.fullHeading')}</h2>
          {/* autoFocus: showModal() focuses the Close button, not the QR */}
          <button type="button" className="primary" autoFocus onClick={() => setFull(false)}>
            {t('qr.closeFull')}
          </button>
        </div>
        <p className="qr-full__title">{boardTitle}</p>
        {full && svg && <QrImage svg={svg} label={t('qr.alt')} className="qr qr--full" />}
      </dialog>
    </div>
  )
}
