/**
 * The key of the undo step of one field's edit (client/store/actions.ts): the keystrokes of one
 * edit of a record's field, and a card with its first text, join the step with this key.
 */
export function textStepKey(name: string, id: string, field: string): string {
  return `text\u0000${name}\u0000${id}\u0000${field}`
}
