// Browser tests drive Debian's Chromium through playwright-core; nothing downloads a browser.
// When it is missing: install it with apt as root, otherwise say exactly what to run.
import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
if (existsSync(path)) process.exit(0)

const command = 'apt-get update && apt-get install -y chromium'
if (process.getuid?.() !== 0) {
  console.error(
    `Chromium is not installed at ${path}. Install it with:\n\n  sudo sh -c '${command}'\n\nor set CHROMIUM_PATH.`,
  )
  process.exit(1)
}
console.log(`Chromium not found at ${path}: installing Debian's chromium…`)
execSync(command, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
if (!existsSync(path)) {
  console.error(`Chromium is still missing at ${path} after the install.`)
  process.exit(1)
}
