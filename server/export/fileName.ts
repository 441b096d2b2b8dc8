import { slugify } from '../../shared/render/labels.ts'

/** `patto-val-seriana-2027-documento-patto-2026-12-02.pdf` */
export function pactFileName(title: string, isoDay: string): string {
  return `${slugify(title) || 'trama'}-documento-patto-${isoDay}.pdf`
}

/** `patto-val-seriana-2027-lavagna-2026-12-02.json`: the whole board, to import again. */
export function boardJsonFileName(title: string, isoDay: string): string {
  return `${slugify(title) || 'trama'}-lavagna-${isoDay}.json`
}

/** A version as its file name needs it (server/history/types.ts VersionInfo). */
export interface NamedVersion {
  id: number
  at: number
  name: string | null
}

/**
 * `2026-12-04-1130` (with seconds, `2026-12-04-113005`, when asked): the moment in `timeZone`
 * (an IANA zone, the reader's), else in the server's own.
 */
export function fileStamp(at: number, timeZone?: string, seconds = false): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(at))
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00'
  const time = `${part('hour')}${part('minute')}${seconds ? part('second') : ''}`
  return `${part('year')}-${part('month')}-${part('day')}-${time}`
}

/**
 * A saved version of the board, to import, named as people know it: by its name
 * (`patto-val-seriana-fine-laboratorio.json`), else by its date and time
 * (`patto-val-seriana-versione-2026-12-04-1130.json`). Each version of the board gets its own
 * name among `others` (the board's versions): a name given twice takes its time too, two
 * unnamed versions of one minute their seconds, and of one second their number.
 */
export function versionJsonFileName(
  title: string,
  version: NamedVersion,
  others: readonly NamedVersion[],
  timeZone?: string,
): string {
  const base = slugify(title) || 'trama'
  /** Its name, then with the minute, then with the second; unnamed, the minute or second. */
  const label = (v: NamedVersion, detail: 0 | 1 | 2): string => {
    const name = v.name ? slugify(v.name) : ''
    if (name && detail === 0) return name
    const stamp = fileStamp(v.at, timeZone, detail === 2)
    return name ? `${name}-${stamp}` : `versione-${stamp}`
  }
  const rivals = others.filter((o) => o.id !== version.id)
  const detail = ([0, 1, 2] as const).find((d) =>
    rivals.every((o) => label(o, d) !== label(version, d)),
  )
  const chosen =
    detail === undefined ? `${label(version, 2)}-${version.id}` : label(version, detail)
  return `${base}-${chosen}.json`
}
