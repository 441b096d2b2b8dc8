import { SharedTextField } from '../text/SharedTextField.tsx'
import { focusAfter } from '../lib/dom.ts'
import { WrittenField } from '../kit/WriterMark.tsx'
import { useBoardActions } from '../store/context.tsx'
import type { LogframeField } from './useLogframeActions.ts'

/**
 * A cell of the logframe: shared text typed live for everyone (two people writing the same
 * indicator both keep their words). Enter leaves the cell for the next one, as in a sheet (what
 * is typed next went on at the end of the same cell), Shift+Enter starts a new line, Escape
 * gives up this person's edit.
 */
export function LogframeCell({
  rowId,
  field,
  value,
  label,
  placeholder,
  editable,
}: {
  rowId: string
  field: LogframeField
  value: string
  label: string
  placeholder: string
  editable: boolean
}) {
  const actions = useBoardActions()
  if (!editable)
    return (
      <div className="logframe-text" aria-label={label}>
        {value}
      </div>
    )
  // the wrapper draws the field and its pencil (a textarea has no ::after of its own), and
  // the colour and name of whoever else writes in it
  return (
    <WrittenField id={rowId} field={field} named className="logframe-field">
      <SharedTextField
        target={{ collection: 'logframe.rows', id: rowId, field }}
        className="logframe-input"
        data-field={field}
        label={label}
        placeholder={placeholder}
        onPresence={(on) => actions.setEditing(on ? rowId : null, field)}
        onDone={(reason) => {
          if (reason === 'enter') focusAfter(document.activeElement)
        }}
      />
      <span className="logframe-pencil" aria-hidden>
        ✎
      </span>
    </WrittenField>
  )
}
