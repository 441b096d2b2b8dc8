import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { importBoard, type ApiError, type CreatedBoard } from './api.ts'
import { ServerError } from './ServerError.tsx'

interface Props {
  /** `imported` true: the board is a copy, and the list of boards says so. */
  onCreated(board: CreatedBoard, title: string, imported: true): void
  onStatus(message: string): void
}

/** The title a board's JSON export carries, else the file's name without its extension. */
async function titleOf(file: File): Promise<string> {
  try {
    const title = (JSON.parse(await file.text()) as { title?: unknown }).title
    if (typeof title === 'string' && title.trim()) return title.trim()
  } catch {
    // the server read it: its title is what it made of it; the file name will do here
  }
  return file.name.replace(/\.json$/i, '')
}

/**
 * A board brought back from its JSON export («Esporta» → «Tutta la lavagna (JSON)»): a new
 * board with everything the file holds, its own links, the facilitator's key for this browser.
 */
export function ImportBoardForm({ onCreated, onStatus }: Props) {
  const { t } = useTranslation('home')
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [busy, setBusy] = useState(false)
  const [serverError, setServerError] = useState<ApiError | null>(null)
  /** The file the error is about. */
  const [fileName, setFileName] = useState('')

  const fieldProblems = !!serverError && isFieldProblem(serverError)

  const upload = async (file: File) => {
    setServerError(null)
    setFileName(file.name)
    setBusy(true)
    onStatus(t('import.submitting', { name: file.name }))
    const result = await importBoard(file)
    setBusy(false)
    if (input.current) input.current.value = ''
    if (!result.ok) {
      onStatus('')
      setServerError(result.error)
      return
    }
    onCreated(result.board, await titleOf(file), true)
  }

  return (
    <section className="card import" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('import.heading')}</h2>
      <p id={`${id}-hint`} className="muted field-hint">
        {t('import.hint')}
      </p>
      <label className={`import__pick${busy ? ' is-busy' : ''}`}>
        {busy ? t('import.busy') : t('import.pick')}
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          aria-describedby={`${id}-hint`}
          disabled={busy}
          data-testid="import-file"
          onChange={(e) => {
            const file = e.target.files?.[0]
            if (file) void upload(file)
          }}
        />
      </label>
      {serverError && (
        <ServerError
          heading={t('import.errors.heading', { name: fileName })}
          reason={t(`import.errors.${fieldProblems ? 'INVALID_FIELDS' : serverError.code}`, {
            defaultValue: serverError.message,
          })}
          error={serverError}
          // Not a Trama export at all: zod's English about the header adds nothing. An export
          // with fields out of bounds: which field, and which limit, is what the person needs.
          details={fieldProblems}
        />
      )}
    </section>
  )
}

/**
 * A Trama export (its header passed) whose fields do not fit: the details name the fields
 * (`canvases.problems.nodes.0.label: Too big…`), not the header (`format`, `schemaVersion`).
 */
function isFieldProblem(error: ApiError): boolean {
  return (
    error.code === 'INVALID_EXPORT' &&
    error.details.length > 0 &&
    error.details.every((d) => !/^(\(root\)|format\b|schemaVersion\b)/.test(d))
  )
}
