import { useRef, useState } from 'react'

/** After this long without typing, a focused field no longer says "… is writing". */
export const WRITING_IDLE_MS = 20_000

/**
 * "Who is writing where" for the others: on while the field has focus and the person types,
 * off when the field is left or after WRITING_IDLE_MS without a keystroke (a field left focused
 * while someone talks or walks away must not show them writing for ever).
 */
export function usePresenceMark(onPresence?: (writing: boolean) => void) {
  const latest = useRef(onPresence)
  latest.current = onPresence
  const [mark] = useState(() => {
    let on = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const stop = () => {
      clearTimeout(timer)
      timer = undefined
      if (on) latest.current?.(false)
      on = false
    }
    return {
      typed() {
        if (!latest.current) return
        clearTimeout(timer)
        if (!on) latest.current(true)
        on = true
        timer = setTimeout(stop, WRITING_IDLE_MS)
      },
      stop,
    }
  })
  return mark
}
