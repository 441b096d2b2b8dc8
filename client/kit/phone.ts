import { useSyncExternalStore } from 'react'

/** A screen this narrow or less is a phone's: the layout of the `max-width: 700px` rules. */
const PHONE = '(max-width: 700px)'

/** Whether the page is shown on a phone (as the CSS that lays it out for one decides). */
export const onPhone = (): boolean => window.matchMedia(PHONE).matches

const watchPhone = (changed: () => void) => {
  const query = window.matchMedia(PHONE)
  query.addEventListener('change', changed)
  return () => query.removeEventListener('change', changed)
}

/** {@link onPhone}, for a component: it renders again when the screen turns or is resized. */
export const usePhone = (): boolean => useSyncExternalStore(watchPhone, onPhone)
