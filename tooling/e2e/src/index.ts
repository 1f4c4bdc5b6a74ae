export { launchBrowser } from './browser.ts'
export { seriousA11yViolations, type Violation } from './axe.ts'
export { startBuiltServer, type ServerUnderTest, type StartOptions } from './server.ts'
export {
  addStaff,
  firstAdmin,
  pairingCode,
  staffClient,
  STAFF_PASSWORD,
  type Api,
  type StaffAccount,
} from './staff.ts'
