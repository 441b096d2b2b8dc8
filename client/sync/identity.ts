import { colorSchema, nameSchema } from '../store/peers.ts'

export { colorSchema, nameSchema }

const NAME_KEY = 'trama.name'
const COLOR_KEY = 'trama.color'

/** Colours with enough contrast for white initials, told apart on a projector. */
export const PEER_COLORS = [
  '#c2410c',
  '#0f766e',
  '#1d4ed8',
  '#7c3aed',
  '#be185d',
  '#15803d',
  '#a16207',
  '#0e7490',
  '#b91c1c',
  '#4338ca',
]

function read(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value)
  } catch {
    // storage unavailable: the name lasts for this page only
  }
}

export function storedName(): string | null {
  const parsed = nameSchema.safeParse(read(NAME_KEY))
  return parsed.success ? parsed.data : null
}

export function storeName(name: string): string {
  const clean = nameSchema.parse(name)
  write(NAME_KEY, clean)
  return clean
}

/** This browser's colour, picked once at random and remembered. */
export function storedColor(): string {
  const parsed = colorSchema.safeParse(read(COLOR_KEY))
  if (parsed.success) return parsed.data
  const color = PEER_COLORS[Math.floor(Math.random() * PEER_COLORS.length)]!
  write(COLOR_KEY, color)
  return color
}

const PARTICIPANT_KEY = 'trama.participant'

/** A random id for this browser, stable across visits: strategy scores are kept per participant. */
export function storedParticipantId(): string {
  const existing = read(PARTICIPANT_KEY)
  if (existing && /^[A-Za-z0-9_-]{8,64}$/.test(existing)) return existing
  const bytes = crypto.getRandomValues(new Uint8Array(12))
  const id = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  write(PARTICIPANT_KEY, id)
  return id
}
