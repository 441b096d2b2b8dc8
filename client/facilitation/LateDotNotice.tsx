import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../store/context.tsx'
import type { BoardState } from '../store/boardStore.ts'
import { dotItems, voteItems } from './votes.ts'
import { dotsPlacedHere } from './facilitationActions.ts'

const participantSelector = (s: BoardState) => s.participantId

/** Long enough to read one line twice. */
const SHOWN_MS = 10_000

/**
 * A dot this person placed while offline, in a vote the facilitator closed meanwhile, is taken
 * back by the server (shared/schema/lateDots.ts): one line says so, so the dot that went is no
 * puzzle. Seen from this page: a dot it placed, gone while its vote is not open (nobody takes a
 * dot back from a closed vote, not even its voter).
 */
export function LateDotNotice() {
  const { t } = useTranslation('facilitation')
  const dots = useBoard(dotItems)
  const votes = useBoard(voteItems)
  const me = useBoard(participantSelector)
  const [shown, setShown] = useState<number | null>(null)
  const mine = useRef<Map<string, string> | null>(null)
  useEffect(() => {
    const now = new Map(
      dots.filter((d) => d.voter === me && dotsPlacedHere.has(d.id)).map((d) => [d.id, d.vote]),
    )
    const before = mine.current
    mine.current = now
    if (!before) return
    for (const [id, vote] of before) {
      if (now.has(id)) continue
      const state = votes.find((v) => v.id === vote)?.state
      if (state && state !== 'open') return setShown(Date.now())
    }
  }, [dots, votes, me])
  useEffect(() => {
    if (shown === null) return
    const timer = setTimeout(() => setShown(null), SHOWN_MS)
    return () => clearTimeout(timer)
  }, [shown])
  if (shown === null) return null
  return (
    <p className="undo-kept" role="status" data-testid="late-dot" key={shown}>
      <span>{t('vote.lateDot')}</span>
      <button type="button" onClick={() => setShown(null)}>
        {t('vote.lateDotClose')}
      </button>
    </p>
  )
}
