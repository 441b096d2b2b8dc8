import { useMemo } from 'react'
import type * as Y from 'yjs'
import {
  MEANS_END,
  canvasRoots,
  patchRecord,
  putRecord,
  type ObjectiveStatus,
} from '../../shared/schema/index.ts'
import {
  mergeObjectiveTree,
  objectiveIdFor,
  type MergeReport,
} from '../../shared/method/objectiveTree.ts'
import { asStatus, restoredStatus, rewordPatch } from '../../shared/method/objectiveCards.ts'
import { useBoardSession } from '../store/context.tsx'
import type { XY } from '../store/actions.ts'
import type { CardNode } from '../store/projection.ts'

/** The card fields the method's rules read, from a React Flow node. */
export function objectiveOf(node: CardNode) {
  const from = node.data.derivedFrom
  return {
    label: node.data.label,
    status: asStatus(node.data.status),
    derivedFrom: typeof from === 'string' ? from : null,
    problemRemoved: node.data.problemRemoved === true,
  }
}

/**
 * The objective tree's own words on top of the board's actions; every change is one undoable
 * step, refused for viewers like any write.
 */
export function useObjectiveActions() {
  const { store, actions } = useBoardSession()
  return useMemo(() => {
    const objective = (id: string) =>
      store.getState().canvases.objectives.nodes.find((n) => n.id === id)
    const problem = (id: string | null) =>
      id === null ? undefined : store.getState().canvases.problems.nodes.find((n) => n.id === id)
    const setStatus = (ids: string[], status: ObjectiveStatus) =>
      void actions.transact((doc) => {
        for (const id of ids) patchRecord(doc, 'objectives.nodes', id, { status })
      })

    return {
      /** Builds or merges the tree; null when this user may not write. */
      generate(): MergeReport | null {
        let report: MergeReport | null = null
        // the sizes on screen, so new objectives keep clear of the cards the group made taller
        const sizes = new Map(
          store
            .getState()
            .canvases.objectives.nodes.filter((n) => n.measured?.width && n.measured.height)
            .map((n) => [n.id, { width: n.measured!.width!, height: n.measured!.height! }]),
        )
        actions.transact((doc) => {
          report = mergeObjectiveTree(doc, { sizes })
        })
        return report
      },
      add(position: XY, label = ''): string | null {
        return actions.addCard(
          'objectives',
          { kind: 'objective', label, derivedFrom: null, status: 'added' },
          position,
        )
      },
      /** New text; an objective still to reword becomes reworded. */
      reword(id: string, text: string): void {
        const node = objective(id)
        const patch = node && rewordPatch(objectiveOf(node), text)
        if (patch) actions.updateCard('objectives', id, patch)
      },
      /**
       * What typing into an objective also changes: one still to reword becomes reworded once
       * its text is no longer its problem's.
       */
      rewordAlongside(id: string) {
        return (doc: Y.Doc, text: string) => {
          const node = objective(id)
          if (!node) return
          const card = objectiveOf(node)
          if (card.status === 'to-reword' && text.trim() !== card.label)
            patchRecord(doc, 'objectives.nodes', id, { status: 'reworded' })
        }
      },
      setStatus,
      discard: (ids: string[]) => setStatus(ids, 'discarded'),
      restore(ids: string[]): void {
        actions.transact((doc) => {
          for (const id of ids) {
            const node = objective(id)
            if (!node) continue
            const card = objectiveOf(node)
            const status = restoredStatus(card, problem(card.derivedFrom)?.data.label)
            patchRecord(doc, 'objectives.nodes', id, { status })
          }
        })
      },
      /** An objective for a problem that has none (never generated, or deleted). */
      createFor(problemId: string): string | null {
        const p = problem(problemId)
        if (!p) return null
        const id = objectiveIdFor(problemId)
        const ok = actions.transact((doc) => {
          if (canvasRoots(doc, 'objectives').nodes.has(id)) return
          putRecord(doc, 'objectives.nodes', id, {
            kind: 'objective',
            label: p.data.label,
            x: Math.round(p.position.x),
            y: Math.round(p.position.y),
            derivedFrom: problemId,
            status: 'to-reword',
          })
        })
        return ok ? id : null
      },
      linkMeansToEnd: (means: string, end: string) =>
        actions.link('objectives', means, end, {
          kind: MEANS_END,
          derivedFrom: null,
          checked: false,
        }),
      setChecked: (linkId: string, checked: boolean) =>
        actions.updateLink('objectives', linkId, { checked }),
    }
  }, [store, actions])
}

export type ObjectiveActions = ReturnType<typeof useObjectiveActions>
