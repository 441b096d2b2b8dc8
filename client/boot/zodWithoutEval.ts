/**
 * zod builds a faster parser for object schemas with `new Function` where a page allows it, and
 * finds out by trying one as its first object schema is made. This page's content security
 * policy forbids that (`script-src 'self'`, server/http/securityHeaders.ts): the try failed, and
 * the browser reported a policy violation on every page load (in the console, to a report
 * address). Imported first by the entry (main.tsx), so no schema is made before: zod never
 * tries, and parses as it did after the failed try. The server keeps zod's faster parsers.
 */
import { config } from 'zod'

config({ jitless: true })
