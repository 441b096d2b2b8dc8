/**
 * The transaction origin of this user's own edits. The undo manager tracks only this origin,
 * so nobody undoes someone else's work, and remote updates never enter the local history.
 */
export const LOCAL_ORIGIN = Symbol('trama.local')
