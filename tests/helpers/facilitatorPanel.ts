import type { Page } from 'playwright-core'

/** The facilitator's tools («Conduzione»), opened if they are not. */
export async function facilitatorPanel(page: Page) {
  const panel = page.locator('#facilitation-panel')
  if (!(await panel.isVisible())) await page.getByTestId('facilitation-open').click()
  await panel.waitFor()
  return panel
}
