import { useCallback, useState } from 'react'

const SOUND_KEY = 'trama.timerSound'

function stored(): boolean {
  try {
    return localStorage.getItem(SOUND_KEY) === 'on'
  } catch {
    return false
  }
}

/** Whether this browser plays a sound when the timer ends: off unless someone turns it on. */
export function useTimerSound(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(stored)
  const set = useCallback((next: boolean) => {
    setOn(next)
    try {
      localStorage.setItem(SOUND_KEY, next ? 'on' : 'off')
    } catch {
      // private mode: the choice lasts as long as the page
    }
    // browsers let a page make sound only after a gesture: this click is one
    if (next)
      audio()
        ?.resume()
        .catch(() => {})
  }, [])
  return [on, set]
}

let context: AudioContext | null = null
function audio(): AudioContext | null {
  if (typeof AudioContext === 'undefined') return null
  context ??= new AudioContext()
  return context
}

/** Three short beeps (Web Audio: no file to load). */
export function beep(): void {
  const ctx = audio()
  if (!ctx) return
  for (let i = 0; i < 3; i++) {
    const at = ctx.currentTime + i * 0.35
    const osc = ctx.createOscillator()
    const gain = ctx.createGain()
    osc.frequency.value = 880
    gain.gain.setValueAtTime(0.0001, at)
    gain.gain.exponentialRampToValueAtTime(0.3, at + 0.02)
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.25)
    osc.connect(gain).connect(ctx.destination)
    osc.start(at)
    osc.stop(at + 0.3)
  }
}
