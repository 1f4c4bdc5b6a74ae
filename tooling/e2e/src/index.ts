export { launchBrowser } from './browser.ts'
export { seriousA11yViolations, type Violation } from './axe.ts'
export {
  endProcess,
  startBuiltServer,
  waitForUrl,
  type ServerUnderTest,
  type StartOptions,
} from './server.ts'
export {
  addStaff,
  firstAdmin,
  pairingCode,
  pairKiosk,
  staffClient,
  STAFF_PASSWORD,
  type Api,
  type PairedKiosk,
  type StaffAccount,
} from './staff.ts'
export { checkInNewVisitor, choosePurposeAndConsent, openKiosk, pair, type Visitor } from './kiosk-page.ts'
