import type { Page } from 'playwright-core'
import { exportJson } from './server.ts'

type Export = {
  canvases: {
    problems: {
      nodes: { id: string; label: string; role: string; x: number; y: number }[]
      edges: { source: string; target: string }[]
    }
  }
}

/** The problem tree as the server exports it: cards by their text, and whether two are linked. */
export async function exportedTree(
  serverUrl: string,
  boardId: string,
  key: string,
  until: (tree: ExportedTree) => boolean = () => true,
): Promise<ExportedTree> {
  // A page showing an edit, its badge «tutto salvato», means the socket took it, not that the
  // server has applied it yet: the export is read again until it holds what the test awaits
  // (or 10 s have passed, and the test's own assertions say what is missing).
  const deadline = Date.now() + 10_000
  for (;;) {
    const json = (await exportJson(serverUrl, boardId, key)) as Export
    const byLabel = new Map(json.canvases.problems.nodes.map((n) => [n.label, n]))
    const linked = (cause: string, effect: string) =>
      json.canvases.problems.edges.some(
        (e) => e.source === byLabel.get(cause)?.id && e.target === byLabel.get(effect)?.id,
      )
    const tree = { byLabel, linked, links: json.canvases.problems.edges.length }
    if (until(tree) || Date.now() > deadline) return tree
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

export interface ExportedTree {
  byLabel: Map<string, Export['canvases']['problems']['nodes'][number]>
  linked(cause: string, effect: string): boolean
  links: number
}

/** Types into the card editor that has just opened and closes it with Enter. */
export async function writeCard(page: Page, text: string) {
  const editor = page.locator('textarea.card-editor')
  await editor.waitFor()
  await page.keyboard.type(text)
  await page.keyboard.press('Enter')
  await page.locator('.react-flow__node', { hasText: text }).waitFor()
}

/** «+ Aggiungi problema», the menu's `item` (what the new card is), and the card's text. */
export async function addFromMenu(page: Page, item: string, text: string) {
  await page.getByRole('button', { name: '+ Aggiungi problema' }).click()
  await page.getByRole('menuitem', { name: item }).click()
  await writeCard(page, text)
}
