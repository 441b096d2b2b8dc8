import type * as Y from 'yjs'
import { putCard } from '../../shared/schema/index.ts'
import { ACTOR_CATEGORIES } from '../../shared/schema/vocabulary.ts'
import { newActorFields } from '../../shared/stakeholders/actors.ts'

/** Names of a Lombard pact's actors, long as people write them in the register. */
export const LONG_ACTOR_NAMES = [
  'Comune di Lecco – Settore Politiche Sociali, Abitative e del Lavoro',
  'Centro per l’impiego di Seriate',
  'Cooperativa sociale Il Sentiero Onlus',
  'Confartigianato Imprese Bergamo',
  'Istituto di istruzione superiore Valle Seriana',
  'Associazione genitori',
  'Caritas parrocchiale di San Giovanni',
  'ATS Bergamo',
  'Consorzio Intercomunale Servizi Socioassistenziali',
  'Ufficio di Piano dell’Ambito territoriale di Seriate',
]
const longActorName = (i: number) =>
  i < LONG_ACTOR_NAMES.length
    ? LONG_ACTOR_NAMES[i]!
    : `${LONG_ACTOR_NAMES[i % LONG_ACTOR_NAMES.length]} ${i + 1}`

/** Actors `from` … `to - 1`, written by a stock client as the room adds them: none placed yet. */
export function addWaitingActors(doc: Y.Doc, from: number, to: number) {
  doc.transact(() => {
    for (let i = from; i < to; i++)
      putCard(doc, 'stakeholders', `actor-${i}`, {
        ...newActorFields(ACTOR_CATEGORIES[i % 4]!, { label: longActorName(i), placed: false }),
        x: (i % 5) * 280,
        y: Math.floor(i / 5) * 180,
      })
  })
}
