import { createRequire } from 'node:module'

/** The server package's version; `../package.json` holds from both src/ and dist/. */
export const version: string = (createRequire(import.meta.url)('../package.json') as { version: string })
  .version
