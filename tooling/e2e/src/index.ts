export { launchBrowser } from './browser.ts'
export { startBuiltServer, type ServerUnderTest } from './server.ts'
