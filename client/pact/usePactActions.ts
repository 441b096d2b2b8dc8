import { useMemo } from 'react'
import {
  PACT_INFO_ID,
  collectionRoot,
  patchRecord,
  putRecord,
  type BodyLevel,
  type CommitmentType,
  type Fields,
} from '../../shared/schema/index.ts'
import { nextCommitmentOrder, type Commitment } from '../../shared/pact/ledger.ts'
import { newId } from '../store/ids.ts'
import { useBoardActions } from '../store/context.tsx'
import type { Body, Rule } from './data.ts'

const nextOrder = (list: readonly { order: number }[]) =>
  list.reduce((max, x) => Math.max(max, x.order), 0) + 1

/** The Patto phase's writes (vision, governance, commitments), each one undoable step. */
export function usePactActions() {
  const actions = useBoardActions()
  return useMemo(
    () => ({
      setHorizon(patch: { horizonFrom?: number | null; horizonTo?: number | null }): void {
        actions.updateRecord('pact.info', PACT_INFO_ID, patch as Fields)
      },

      addBody(
        bodies: readonly Body[],
        preset: { label?: string; level?: BodyLevel } = {},
      ): string | null {
        const fields = {
          label: preset.label ?? '',
          mandate: '',
          level: preset.level ?? 'technical',
          members: [],
          lead: null,
          // not decided until the partners choose (the document says so, not a default)
          decision: null,
          frequency: null,
          order: nextOrder(bodies),
        }
        // one made to be named goes with Escape in its name; one of the presets keeps its name
        return preset.label
          ? actions.putRecord('pact.bodies', fields)
          : actions.putRecordFor('pact.bodies', 'label', fields)
      },
      updateBody(id: string, patch: Fields): void {
        actions.updateRecord('pact.bodies', id, patch)
      },
      /** Adds or removes a member; a lead who leaves the body is no longer its lead. */
      toggleMember(body: Body, actor: string): void {
        // only this actor: members others add or remove meanwhile stay
        if (!body.members.includes(actor))
          return actions.editIdSet('pact.bodies', body.id, 'members', { add: [actor] })
        actions.editIdSet(
          'pact.bodies',
          body.id,
          'members',
          { remove: [actor] },
          body.lead === actor ? { lead: null } : undefined,
        )
      },
      /** The lead actor (capofila) is one of the members: naming one makes them a member. */
      setLead(body: Body, actor: string | null): void {
        if (!actor) return actions.updateRecord('pact.bodies', body.id, { lead: null })
        actions.editIdSet('pact.bodies', body.id, 'members', { add: [actor] }, { lead: actor })
      },
      removeBody(id: string): void {
        actions.deleteRecord('pact.bodies', id)
      },

      addRule(rules: readonly Rule[]): string | null {
        return actions.putRecordFor('pact.rules', 'text', { text: '', order: nextOrder(rules) })
      },
      removeRule(id: string): void {
        actions.deleteRecord('pact.rules', id)
      },
      /** Swaps a rule with its neighbour, in one step. */
      moveRule(rules: readonly Rule[], id: string, step: -1 | 1): void {
        const i = rules.findIndex((r) => r.id === id)
        const j = i + step
        if (i < 0 || j < 0 || j >= rules.length) return
        const a = rules[i]!
        const b = rules[j]!
        // equal orders (two rules added at once) get distinct ones first
        const [oa, ob] = a.order === b.order ? [a.order + step, a.order] : [b.order, a.order]
        actions.transact((doc) => {
          patchRecord(doc, 'pact.rules', a.id, { order: oa })
          patchRecord(doc, 'pact.rules', b.id, { order: ob })
        })
      },

      addCommitment(
        commitments: readonly Commitment[],
        fields: { actor: string; type?: CommitmentType; objective?: string | null },
      ): string | null {
        return actions.putRecordFor('pact.commitments', 'what', {
          actor: fields.actor,
          type: fields.type ?? 'staff-hours',
          what: '',
          amount: null,
          unit: '',
          from: null,
          to: null,
          objective: fields.objective ?? null,
          activity: null,
          status: 'proposed',
          order: nextCommitmentOrder(commitments),
        })
      },
      updateCommitment(id: string, patch: Fields): void {
        actions.updateRecord('pact.commitments', id, patch)
      },
      removeCommitment(id: string): void {
        actions.deleteRecord('pact.commitments', id)
      },

      /** An actor's adhesion; made on its first change (its id is the actor's). */
      setAdhesion(actor: string, patch: Fields): void {
        actions.transact((doc) => {
          if (collectionRoot(doc, 'pact.adhesions').has(actor))
            patchRecord(doc, 'pact.adhesions', actor, patch)
          else
            putRecord(doc, 'pact.adhesions', actor, {
              actor,
              adheres: false,
              date: null,
              signedBy: '',
              ...patch,
            })
        })
      },
      /** «Da sapere» again: the actor's answer taken back, with its date and signer. */
      clearAdhesion(actor: string): void {
        actions.deleteRecord('pact.adhesions', actor)
      },
      newId,
    }),
    [actions],
  )
}

export type PactActions = ReturnType<typeof usePactActions>
