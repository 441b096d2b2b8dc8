import { useTranslation } from 'react-i18next'
import type { Actor } from '../../../shared/stakeholders/actors.ts'
import { ToolbarMenu } from '../../kit/ToolbarMenu.tsx'
import { CategoryIcon } from '../../stakeholders/visuals.tsx'
import type { Body } from '../data.ts'
import { usePactActions } from '../usePactActions.ts'

/**
 * «+ Aggiungi un membro» of a body: a menu of the register's actors not in it yet. A menu, not a
 * select: a select acted as soon as its value changed, so one ↓ on it (a keyboard user walking
 * the card) made the first actor a member, and a screen reader offered it as a value to choose.
 * Enter, Space or ↓ opens it; an actor's item, chosen, adds that actor and the focus comes back
 * to the button, for the next one. With every actor a member, a line says so in its place and
 * the focus goes on (`onLast`), whether this person added the last actor or someone else did
 * while their menu was open.
 */
export function AddMember({
  body,
  others,
  name,
  actorName,
  onLast,
}: {
  body: Body
  /** The register's actors not members of the body. */
  others: Actor[]
  /** The body's name, as the card shows it. */
  name: string
  actorName: (a: Actor) => string
  /** Where the focus goes once the last actor left is added (the menu goes away with it). */
  onLast: () => void
}) {
  const { t } = useTranslation('pact')
  const pact = usePactActions()
  if (others.length === 0)
    return (
      <p className="pact-hint gov-all-members" data-testid="all-members">
        {t('governance.allMembers')}
      </p>
    )
  return (
    <ToolbarMenu
      className="gov-add-member"
      label={
        <>
          + {t('governance.addMember')}
          <span className="visually-hidden"> · {name}</span>
        </>
      }
      title={`${t('governance.addMember')} · ${name}`}
      arrowOpens
      onRemovedWithFocus={onLast}
    >
      {(close) =>
        others.map((a) => (
          <button
            key={a.id}
            role="menuitem"
            data-menu-item
            data-actor-id={a.id}
            onClick={() => {
              // the menu closes first, its button taking the focus back (and, this the last
              // actor, handing it on to `onLast` as the menu goes)
              close()
              pact.toggleMember(body, a.id)
            }}
          >
            <CategoryIcon category={a.category} size={13} />
            {actorName(a)}
          </button>
        ))
      }
    </ToolbarMenu>
  )
}
