import { Component, useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import './notices.css'

/**
 * Around a view whose code comes on demand (a phase, a pact view, the history): when its code
 * cannot be fetched (the Wi-Fi is down and it is not in the cache yet), the view's place says
 * so and the rest of the board goes on; without it React took the whole page down, blank, and
 * it stayed blank once the Wi-Fi came back. The work done is kept on this computer and sent by
 * the page, which a reload (offered once the network is back) does not lose.
 */
export class ViewLoadBoundary extends Component<
  {
    children: ReactNode
    /** The view asked for: another one is tried afresh (a view that failed is not kept). */
    view: string
    /** Over the page (a panel in the body), not in a view's place. */
    floating?: boolean
  },
  { error: unknown; view: string }
> {
  override state: { error: unknown; view: string } = { error: null, view: this.props.view }

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error }
  }

  // Not a `key`: a new boundary would unmount the view being left at once, where Suspense keeps
  // it (hidden) until the next view's code is here; a field being typed in it then keeps its
  // value as it loses the focus (pactTogether's «being typed» test).
  static getDerivedStateFromProps(
    props: { view: string },
    state: { error: unknown; view: string },
  ): { error: unknown; view: string } | null {
    return props.view === state.view ? null : { error: null, view: props.view }
  }

  override render(): ReactNode {
    const { error } = this.state
    if (error === null) return this.props.children
    // any other error is not this boundary's to explain: it goes on up as before
    if (!isLoadError(error)) throw error
    return <ViewNotLoaded floating={!!this.props.floating} />
  }
}

/**
 * A view's code or styles that could not be fetched: the browser's dynamic import failing
 * («Failed to fetch dynamically imported module», «error loading dynamically imported module»)
 * or Vite's preload of its styles («Unable to preload CSS»).
 */
export function isLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error)
  return /dynamically imported module|Unable to preload CSS|Importing a module script failed/i.test(
    message,
  )
}

function ViewNotLoaded({ floating }: { floating: boolean }) {
  const { t } = useTranslation('board')
  const online = useOnline()
  return (
    <div
      className={`view-not-loaded${floating ? ' floating' : ''}`}
      role="alert"
      data-testid="view-not-loaded"
    >
      <p>{t(online ? 'viewNotLoaded.online' : 'viewNotLoaded.offline')}</p>
      <button type="button" disabled={!online} onClick={() => location.reload()}>
        {t('viewNotLoaded.reload')}
      </button>
    </div>
  )
}

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine)
  useEffect(() => {
    const on = () => setOnline(true)
    const off = () => setOnline(false)
    window.addEventListener('online', on)
    window.addEventListener('offline', off)
    return () => {
      window.removeEventListener('online', on)
      window.removeEventListener('offline', off)
    }
  }, [])
  return online
}
