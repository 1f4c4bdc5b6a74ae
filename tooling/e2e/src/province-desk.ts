import type { Browser, Page } from 'playwright-core'
import { launchBrowser } from './browser.ts'
import { signInConsole, watchProblems } from './console.ts'
import { startBuiltServer, type ServerUnderTest } from './server.ts'
import { firstAdmin, officeBelow, STAFF_PASSWORD, type Api } from './staff.ts'

/** A province install with Bantul below it, Bantul's admin signed in to the console in chromium. */
export interface ProvinceDesk {
  server: ServerUnderTest
  browser: Browser
  page: Page
  /** What must never happen on the page; see `watchProblems`. */
  problems: string[]
  province: Api
  bantul: Api
  close: () => Promise<void>
}

export async function openProvinceDesk(): Promise<ProvinceDesk> {
  const [server, browser] = await Promise.all([startBuiltServer({ TOP_OFFICE_CODE: '34' }), launchBrowser()])
  const province = (await firstAdmin(server)).api
  const { api: bantul } = await officeBelow(server, province, {
    name: 'KPU Kabupaten Bantul',
    regionCode: '34.02',
    username: 'admin.bantul',
  })
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage()
  const problems = watchProblems(page)
  await signInConsole(page, server.url, 'admin.bantul', STAFF_PASSWORD)
  return {
    server,
    browser,
    page,
    problems,
    province,
    bantul,
    close: async () => {
      await browser.close()
      await server.stop()
    },
  }
}
