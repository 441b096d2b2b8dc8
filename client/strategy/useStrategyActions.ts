import { useMemo } from 'react'
import type * as Y from 'yjs'
import {
  collectionRoot,
  metaRoot,
  patchRecord,
  putRecord,
  type CollectionName,
} from '../../shared/schema/index.ts'
import { scoreId, type Criterion } from '../../shared/method/strategy.ts'
import { moveCriterion, nextCriterionOrder } from '../../shared/method/strategyRecords.ts'
import { newId } from '../store/ids.ts'
import { useBoardSession } from '../store/context.tsx'

/** The strategy analysis's writes, each one undoable step through the board's actions. */
export function useStrategyActions() {
  const { actions, store } = useBoardSession()
  return useMemo(() => {
    /** Deletes the scores given on one candidate or criterion (no orphans in the export). */
    const deleteScoresOf = (doc: Y.Doc, field: 'candidate' | 'criterion', id: string) => {
      const scores = collectionRoot(doc, 'strategy.scores')
      for (const [key, score] of [...scores]) if (score.get(field) === id) scores.delete(key)
    }
    const has = (doc: Y.Doc, name: CollectionName, id: string) => collectionRoot(doc, name).has(id)

    return {
      addCandidate(label: string, objectives: string[]): string | null {
        return actions.putRecord('strategy.candidates', { label, objectives })
      },
      updateCandidateBranch(id: string, objectives: string[]): void {
        actions.updateRecord('strategy.candidates', id, { objectives })
      },
      /** Removes a candidate with its scores; a chosen one stops being chosen. */
      removeCandidate(id: string): void {
        actions.transact((doc) => {
          collectionRoot(doc, 'strategy.candidates').delete(id)
          deleteScoresOf(doc, 'candidate', id)
          if (metaRoot(doc).get('chosenStrategy') === id) metaRoot(doc).set('chosenStrategy', '')
        })
      },
      /** This participant's score of one cell; null withdraws it. */
      setScore(candidate: string, criterion: string, score: number | null): void {
        const { participantId, userName } = store.getState()
        const id = scoreId(candidate, criterion, participantId)
        actions.transact((doc) => {
          const scores = collectionRoot(doc, 'strategy.scores')
          if (score === null) return void scores.delete(id)
          // never score what was just removed: the export refuses orphan scores
          if (
            !has(doc, 'strategy.candidates', candidate) ||
            !has(doc, 'strategy.criteria', criterion)
          )
            return
          const participantName = userName.slice(0, 80)
          if (scores.has(id)) patchRecord(doc, 'strategy.scores', id, { score, participantName })
          else
            putRecord(doc, 'strategy.scores', id, {
              candidate,
              criterion,
              participant: participantId,
              participantName,
              score,
            })
        })
      },
      choose(id: string): void {
        actions.setMeta('chosenStrategy', id)
      },
      addCriterion(label: string, criteria: Criterion[]): void {
        actions.putRecord(
          'strategy.criteria',
          { label, order: nextCriterionOrder(criteria) },
          newId(),
        )
      },
      renameCriterion(id: string, label: string): void {
        actions.updateRecord('strategy.criteria', id, { label })
      },
      moveCriterion(criteria: Criterion[], id: string, step: -1 | 1): void {
        const patches = moveCriterion(criteria, id, step)
        if (!patches.size) return
        actions.transact((doc) => {
          for (const [cid, order] of patches) patchRecord(doc, 'strategy.criteria', cid, { order })
        })
      },
      removeCriterion(id: string): void {
        actions.transact((doc) => {
          collectionRoot(doc, 'strategy.criteria').delete(id)
          deleteScoresOf(doc, 'criterion', id)
        })
      },
    }
  }, [actions, store])
}

export type StrategyActions = ReturnType<typeof useStrategyActions>
