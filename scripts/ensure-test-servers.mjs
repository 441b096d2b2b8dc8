// Integration tests start a real redis-server and a real PostgreSQL (Debian packages), as the
// browser tests drive Debian's Chromium. When either is missing: install them with apt as
// root, otherwise say exactly what to run.
import { execSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'

const hasRedis = () => {
  try {
    execSync('command -v redis-server', { stdio: 'ignore', shell: '/bin/sh' })
    return true
  } catch {
    return false
  }
}
const hasPostgres = () => {
  const root = '/usr/lib/postgresql'
  return (
    existsSync(root) &&
    readdirSync(root).some((version) => existsSync(`${root}/${version}/bin/postgres`))
  )
}
if (hasRedis() && hasPostgres()) process.exit(0)

const command =
  'apt-get update && apt-get install -y --no-install-recommends redis-server postgresql'
if (process.getuid?.() !== 0) {
  console.error(
    `The integration tests need redis-server and PostgreSQL. Install them with:\n\n  sudo sh -c '${command}'\n`,
  )
  process.exit(1)
}
console.log('redis-server or PostgreSQL missing: installing the Debian packages…')
execSync(command, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
if (!hasRedis() || !hasPostgres()) {
  console.error('redis-server or PostgreSQL is still missing after the install.')
  process.exit(1)
}
