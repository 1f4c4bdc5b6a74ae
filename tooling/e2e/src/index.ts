export { launchBrowser } from './browser.ts'
export { startBuiltServer, type ServerUnderTest } from './server.ts'
export {
  addStaff,
  firstAdmin,
  pairingCode,
  staffClient,
  STAFF_PASSWORD,
  type Api,
  type StaffAccount,
} from './staff.ts'
