import { useTranslation } from 'react-i18next'
import type { CollectionName } from '../../shared/schema/index.ts'
import { SharedTextField } from '../text/SharedTextField.tsx'
import { ReadOnlyText } from '../text/ReadOnlyText.tsx'
import { useBoard, useBoardActions } from '../store/context.tsx'
import { canEdit } from '../store/boardStore.ts'
import { focusAfter } from '../lib/dom.ts'
import { WrittenField } from '../kit/WriterMark.tsx'

/**
 * A text of the pact, live and shared (two people typing in it both keep their words), with
 * the colour of whoever else writes in it; plain text for those who only watch.
 */
export function PactText({
  collection,
  id,
  field,
  label,
  placeholder,
  multiline = false,
  rows = 1,
  className = 'pact-input',
  exists = true,
}: {
  collection: CollectionName
  id: string
  field: string
  label: string
  placeholder?: string
  multiline?: boolean
  rows?: number
  className?: string
  /** The record is there to write in (else shown as empty, read-only). */
  exists?: boolean
}) {
  const { t } = useTranslation('pact')
  const actions = useBoardActions()
  const editable = useBoard(canEdit)
  // (the projector, too, sees who is writing a text)
  if (!editable || !exists)
    return (
      <WrittenField id={id} field={field} named={multiline} className="pact-text pact-text-watched">
        <ReadOnlyText
          collection={collection}
          id={id}
          field={field}
          label={label}
          multiline={multiline}
          className={`pact-text-readonly ${className}`}
        />
      </WrittenField>
    )
  return (
    <WrittenField id={id} field={field} named={multiline} className="pact-text">
      <SharedTextField
        target={{ collection, id, field }}
        multiline={multiline}
        rows={rows}
        className={className}
        data-field={field}
        // a multiline field grows with its text (pact.css) from at least `rows` lines
        style={multiline ? ({ '--rows': rows } as React.CSSProperties) : undefined}
        label={label}
        placeholder={placeholder}
        onPresence={(on) => actions.setEditing(on ? id : null, field)}
        // Enter ends the text and the keyboard goes on from there, in the next field; in the
        // page's last (the last rule) the field keeps it (SharedTextField), not the page's body
        onDone={(reason) => {
          if (reason === 'enter') focusAfter(document.activeElement)
        }}
      />
    </WrittenField>
  )
}
