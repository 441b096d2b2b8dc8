import { useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import * as Y from 'yjs'
import { collectionRoot } from '../../shared/schema/index.ts'
import { historyApi, HistoryApiError } from '../history/api.ts'
import { useBoard, useBoardActions, useBoardSession } from '../store/context.tsx'
import { fieldText, type BoardState, type LostEdit } from '../store/boardStore.ts'
import { storedName } from '../sync/identity.ts'
import './notices.css'

const lostSelector = (s: BoardState) => s.lostEdit

/** How long a restored record may take to come back through the sync before we give up. */
const BACK_WITHIN_MS = 10_000

/** Resolves once the record is in the document again (false if it does not come back). */
function recordBack(doc: Y.Doc, lost: LostEdit): Promise<boolean> {
  const root = collectionRoot(doc, lost.collection)
  if (root.get(lost.id) instanceof Y.Map) return Promise.resolve(true)
  return new Promise((resolve) => {
    const done = (back: boolean) => {
      clearTimeout(timer)
      root.unobserve(onRoot)
      resolve(back)
    }
    const onRoot = () => {
      if (root.get(lost.id) instanceof Y.Map) done(true)
    }
    const timer = setTimeout(() => done(false), BACK_WITHIN_MS)
    root.observe(onRoot)
  })
}

/**
 * Someone else deleted the card (or the pact's entry) this person was writing in, or a version
 * restored meanwhile replaced its text. Their words are not lost: they are shown here, in a
 * field that takes the focus, so what they type next goes on in it instead of reaching the
 * canvas's shortcuts. For a deletion «Ripristina» brings the record back from the bin (with its
 * links) and puts these words in it; for a replaced text, the words go back in place of the
 * version's.
 */
export function LostEditNotice() {
  const { t } = useTranslation('board')
  const lost = useBoard(lostSelector)
  if (!lost) return null
  // a new notice for each deletion: its field starts with that text
  return <Notice key={lost.n} lost={lost} t={t} />
}

/** Why the words were taken, and by whom when a restore named someone. */
function bodyOf(lost: LostEdit, t: ReturnType<typeof useTranslation>['t']): string {
  if (lost.restoredBy === undefined)
    return t(lost.whileAway ? 'lostEdit.bodyAway' : 'lostEdit.body')
  const what = lost.kind === 'replaced' ? 'Replaced' : 'Deleted'
  return lost.restoredBy
    ? t(`lostEdit.restoredBy${what}`, { name: lost.restoredBy })
    : t(`lostEdit.restored${what}`)
}

function Notice({ lost, t }: { lost: LostEdit; t: ReturnType<typeof useTranslation>['t'] }) {
  const actions = useBoardActions()
  const { doc, boardId, key, store } = useBoardSession()
  const field = useRef<HTMLTextAreaElement>(null)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  /** The text as someone wrote it after the restore, shown before the person's words replace it. */
  const [since, setSince] = useState<string | null>(null)
  /** The person's words, as the notice's field holds them (they may go on writing there). */
  const [words, setWords] = useState(lost.text)
  // Their words are in the document again, as they are here (the facilitator undid the restore
  // with another): the notice no longer says they were replaced, nor offers to put them back.
  const back = useBoard(
    (s) => words !== '' && fieldText(s, lost.collection, lost.id, lost.field) === words,
  )

  // before the browser paints: from the commit that removed the card's field, no key may reach
  // the canvas's shortcuts
  useLayoutEffect(() => {
    const el = field.current
    if (!el) return
    el.focus()
    el.setSelectionRange(el.value.length, el.value.length)
  }, [])

  /** Forgets this notice, not one for a later deletion that may have replaced it. */
  const close = () => {
    if (store.getState().lostEdit === lost) actions.noteLostEdit(null)
  }

  /**
   * The words back in place of the restored version's (the record is still there). When someone
   * wrote in the text after the restore, their words would go too: the person sees the text as
   * it is now first, and a second press (on that same text) replaces it.
   */
  const putBack = () => {
    const text = field.current?.value ?? lost.text
    const now = fieldText(store.getState(), lost.collection, lost.id, lost.field)
    if (lost.restored !== undefined && now !== lost.restored && now !== since) {
      setSince(now)
      return
    }
    if (!actions.editText(lost.collection, lost.id, lost.field, text)) {
      setProblem(t('lostEdit.putBackFailed'))
      return
    }
    actions.endTextEdit()
    close()
  }

  const restore = async () => {
    if (lost.kind === 'replaced') return putBack()
    const text = field.current?.value ?? lost.text
    setBusy(true)
    setProblem(null)
    try {
      const api = historyApi(boardId, key)
      // the bin lists the latest deletions first
      const entry = (await api.bin()).bin.find(
        (e) => e.collection === lost.collection && e.recordId === lost.id,
      )
      if (!entry) {
        setProblem(t('lostEdit.notInBin'))
        return
      }
      await api.restoreFromBin(entry.id, storedName())
      if (!(await recordBack(doc, lost))) {
        setProblem(t('lostEdit.failed'))
        return
      }
      actions.editText(lost.collection, lost.id, lost.field, text)
      actions.endTextEdit()
      close()
    } catch (err) {
      const code = err instanceof HistoryApiError ? err.code : null
      setProblem(
        code === 'BIN_ENTRY_NOT_FOUND'
          ? t('lostEdit.notInBin')
          : code === 'CANNOT_RESTORE'
            ? t('lostEdit.cannot')
            : t('lostEdit.failed'),
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <section
      className="lost-edit"
      role="alertdialog"
      aria-labelledby="lost-edit-title"
      aria-describedby="lost-edit-body"
      onKeyDown={(e) => {
        // the canvas's shortcuts never see what is typed here
        e.stopPropagation()
        if (e.key === 'Escape' && !busy) close()
      }}
    >
      <h2 id="lost-edit-title">
        {t(
          back
            ? 'lostEdit.backTitle'
            : lost.kind === 'replaced'
              ? 'lostEdit.titleReplaced'
              : 'lostEdit.title',
        )}
      </h2>
      <p id="lost-edit-body">{back ? t('lostEdit.back') : bodyOf(lost, t)}</p>
      <label>
        <span className="lost-edit-label">{t('lostEdit.yourText')}</span>
        <textarea
          ref={field}
          rows={3}
          defaultValue={lost.text}
          readOnly={busy}
          onChange={(e) => setWords(e.target.value)}
        />
      </label>
      {since !== null && (
        <div className="lost-edit-since" role="alert">
          <p>{t('lostEdit.changedSince')}</p>
          <blockquote>{since}</blockquote>
          <p>{t('lostEdit.changedSinceLoss')}</p>
        </div>
      )}
      {problem && (
        <p className="lost-edit-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="lost-edit-actions">
        {!back && (
          <button className="primary" onClick={() => void restore()} disabled={busy}>
            {busy
              ? t('lostEdit.restoring')
              : t(
                  lost.kind === 'deleted'
                    ? 'lostEdit.restore'
                    : since === null
                      ? 'lostEdit.putBack'
                      : 'lostEdit.putBackAnyway',
                )}
          </button>
        )}
        <button onClick={close} disabled={busy}>
          {t('lostEdit.close')}
        </button>
      </div>
    </section>
  )
}
