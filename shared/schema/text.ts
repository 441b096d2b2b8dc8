import * as Y from 'yjs'

/**
 * Shared text: the free text people write (labels, notes, register and logframe cells) lives in
 * a `Y.Text` inside its record, so two people typing in one field both keep their words. A
 * plain string in the same place (older boards, stock clients) still reads as text.
 */

/** The text a field holds, whether a shared text or a plain string; '' for anything else. */
export function textValue(value: unknown): string {
  if (typeof value === 'string') return value
  if (value instanceof Y.Text) return value.toString()
  return ''
}

/** A new shared text holding `value`, cut to `max` characters. */
export function newText(value: string, max = Infinity): Y.Text {
  return new Y.Text(wellFormed(value.length > max ? value.slice(0, max) : value))
}

/**
 * The smallest single replacement that turns `before` into `after`: the common prefix and
 * suffix are kept, the middle is deleted and inserted. Surrogate pairs are never split.
 *
 * A letter typed next to the same letter (a space after a space, the second «l» of «nelle»),
 * or one deleted from such a run, could be either of them: the text reads the same, but in a
 * shared text the choice decides where it goes among what others type at the same spot. With
 * `caret` (where the writer's caret is in `after`), a pure insertion ends there and a pure
 * deletion happens there, when the text allows it; otherwise the edit is as far right as it
 * can be.
 */
export function textDiff(
  before: string,
  after: string,
  caret?: number,
): { index: number; remove: number; insert: string } {
  let start = 0
  const max = Math.min(before.length, after.length)
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++
  // Do not split a surrogate pair at the start.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--
  let end = commonSuffix(before, after, max - start)
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--
  const remove = before.length - start - end
  const inserted = after.length - start - end
  const index =
    caret !== undefined && (remove === 0 || inserted === 0)
      ? slideTo(before, after, start, start + end, caret - inserted)
      : start
  return { index, remove, insert: after.slice(index, index + inserted) }
}

/**
 * Where a pure insertion or deletion found at `start` may sit instead, nearest `wanted`: any
 * index from which the rest of both texts is the same (`kept`: the length they share).
 */
function slideTo(before: string, after: string, start: number, kept: number, wanted: number) {
  if (wanted >= start) return start
  const suffix = commonSuffix(before, after, Math.min(before.length, after.length))
  const index = Math.max(wanted, kept - suffix, 0)
  // never between the halves of a surrogate pair
  if (index > 0 && isHighSurrogate(after.charCodeAt(index - 1))) return start
  return index
}

/** How many code units `a` and `b` share at their end, at most `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
  let n = 0
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++
  return n
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/**
 * `text` with every lone surrogate (half an emoji) replaced by U+FFFD: Yjs sends text as UTF-8,
 * where a lone surrogate cannot travel, so the writer and the others would see different text.
 */
export function wellFormed(text: string): string {
  return text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  )
}

/**
 * Changes a shared text to `next` with the smallest edit, so others' concurrent typing stays;
 * `caret`: where the writer's caret is in `next`, which says where a letter next to the same
 * letter went (see textDiff).
 */
export function replaceText(text: Y.Text, next: string, max = Infinity, caret?: number): void {
  const before = text.toString()
  const target = wellFormed(next.length > max ? next.slice(0, max) : next)
  if (before === target) return
  const { index, remove, insert } = textDiff(before, target, caret)
  if (remove) text.delete(index, remove)
  if (insert) text.insert(index, insert)
}

/**
 * Removes the blanks (spaces, new lines) at either end of a shared text that `client` typed, and
 * no others: what a person leaving a field tidies is their own. A space someone else typed last
 * is where their next word goes (they may be between two words, or their page busy): deleting
 * it, as trimming the whole text did, glued their words together («Idea diDario»), whoever left
 * the field, even someone who had only looked. Call inside a transaction.
 */
export function trimOwnBlanks(text: Y.Text, client: number): void {
  const value = text.toString()
  // who wrote each character (code unit) of the text, in order
  const authors: number[] = []
  for (let item = text._start; item; item = item.right)
    if (!item.deleted && item.content instanceof Y.ContentString)
      for (let i = 0; i < item.length; i++) authors.push(item.id.client)
  // anything but plain characters (none in a field's text): left as it is
  if (authors.length !== value.length) return
  const own = (i: number) => authors[i] === client && /\s/.test(value[i]!)
  let end = value.length
  while (end > 0 && own(end - 1)) end--
  let start = 0
  while (start < end && own(start)) start++
  if (end < value.length) text.delete(end, value.length - end)
  if (start > 0) text.delete(0, start)
}

/**
 * Where a caret (or selection end) at `position` moves when a remote `delta` changes the text
 * under it: insertions before it push it right, deletions before it pull it left.
 */
export function moveThroughDelta(
  position: number,
  delta: { retain?: number; insert?: unknown; delete?: number }[],
): number {
  let at = 0
  let pos = position
  for (const op of delta) {
    if (op.retain !== undefined) at += op.retain
    else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1
      if (at < pos) pos += length
      at += length
    } else if (op.delete !== undefined) {
      if (at < pos) pos -= Math.min(op.delete, pos - at)
    }
    if (at > pos && op.retain !== undefined) break
  }
  return pos
}
