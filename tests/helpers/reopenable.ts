/**
 * A store for a contract suite that can be closed and opened again on the same data (what
 * survives a restart): `open` makes one; `cleanup` runs after the last close.
 */
export async function reopenable<S extends { close(): Promise<void> }>(
  open: () => S | Promise<S>,
  cleanup?: () => void,
): Promise<{ store: S; reopen(): Promise<S>; close(): Promise<void> }> {
  let store = await open()
  return {
    store,
    async reopen() {
      await store.close()
      store = await open()
      return store
    },
    async close() {
      await store.close()
      cleanup?.()
    },
  }
}
