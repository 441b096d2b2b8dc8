/**
 * CSV as RFC 4180 describes it, plus what spreadsheets really produce: Excel's `;` separator
 * (Italian locale) and its `sep=;` first line, a UTF-8 byte order mark, CR, LF or CRLF line ends.
 */
export const SEPARATORS = [',', ';', '\t'] as const
export type Separator = (typeof SEPARATORS)[number]

export interface CsvRecord {
  fields: string[]
  /** The line of the file where the record starts (1-based; a quoted field can span lines). */
  line: number
}

export type CsvReadResult =
  | { ok: true; separator: Separator; records: CsvRecord[] }
  | { ok: false; code: 'unclosed-quote'; line: number }

export type DecodeResult =
  { ok: true; text: string } | { ok: false; code: 'not-utf8'; line: number }

const BOM = '\uFEFF'

/**
 * Bytes of a file as text: UTF-8 with or without BOM. Anything else (typically Windows-1252 from
 * an old Excel, where "à" is one byte) is refused with the line of the first bad byte, rather
 * than imported with garbled accents.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodeResult {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return { ok: true, text: text.startsWith(BOM) ? text.slice(1) : text }
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes)
    const at = lenient.indexOf('\uFFFD')
    const line = lenient.slice(0, Math.max(0, at)).split(/\r\n|\r|\n/).length
    return { ok: false, code: 'not-utf8', line }
  }
}

/** Excel writes `sep=;` as the first line to say which separator follows. */
const SEP_DIRECTIVE = /^sep=(.)\r?\n?/i

/**
 * The separator of a file: the Excel directive if present, else the candidate that occurs most
 * often outside quotes in the first record (the header); a comma when there is no clue.
 */
export function detectSeparator(text: string): Separator {
  const directive = SEP_DIRECTIVE.exec(text)
  if (directive && (SEPARATORS as readonly string[]).includes(directive[1]!))
    return directive[1] as Separator
  const counts = new Map<string, number>(SEPARATORS.map((s) => [s, 0]))
  let quoted = false
  for (const ch of text) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && (ch === '\n' || ch === '\r')) break
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1)
  }
  let best: Separator = ','
  for (const s of SEPARATORS) if (counts.get(s)! > counts.get(best)!) best = s
  return best
}

/**
 * Reads CSV text into records. Quoted fields may hold separators, doubled quotes and line
 * breaks; unquoted fields are taken literally. Empty lines are skipped.
 */
export function readCsv(input: string, separator?: Separator): CsvReadResult {
  let text = input.startsWith(BOM) ? input.slice(1) : input
  const sep = separator ?? detectSeparator(text)
  let line = 1
  const directive = SEP_DIRECTIVE.exec(text)
  if (directive) {
    text = text.slice(directive[0].length)
    line = 2
  }
  const records: CsvRecord[] = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  let recordLine = line
  let quoteLine = line
  const endRecord = () => {
    fields.push(field)
    if (!(fields.length === 1 && fields[0] === '')) records.push({ fields, line: recordLine })
    fields = []
    field = ''
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++
        field += ch
      }
    } else if (ch === '"' && field === '') {
      quoted = true
      quoteLine = line
    } else if (ch === sep) {
      fields.push(field)
      field = ''
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      endRecord()
      line++
      recordLine = line
    } else field += ch
  }
  if (quoted) return { ok: false, code: 'unclosed-quote', line: quoteLine }
  if (field !== '' || fields.length > 0) endRecord()
  return { ok: true, separator: sep, records }
}

/** A field as RFC 4180 wants it: quoted when it holds a separator, a quote or a line break. */
export function quoteField(value: string, separator: Separator = ','): string {
  return value.includes(separator) || /["\r\n]/.test(value) || /^\s|\s$/.test(value)
    ? `"${value.replace(/"/g, '""')}"`
    : value
}

/** Rows as CSV text: CRLF line ends (RFC 4180), a final line end. */
export function writeCsv(rows: readonly (readonly string[])[], separator: Separator = ','): string {
  return rows
    .map((row) => row.map((v) => quoteField(v, separator)).join(separator) + '\r\n')
    .join('')
}
