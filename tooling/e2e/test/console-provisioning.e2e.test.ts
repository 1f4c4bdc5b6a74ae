import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../src/browser.ts'
import { screenshot, signInConsole, watchProblems } from '../src/console.ts'
import { startBuiltServer, type ServerUnderTest } from '../src/server.ts'
import { firstAdmin, staffClient } from '../src/staff.ts'

describe('a national install is set up from the console', () => {
  let server: ServerUnderTest
  let browser: Browser
  let page: Page
  let problems: string[]

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startBuiltServer({ TOP_OFFICE_CODE: '00' }), launchBrowser()])
    const admin = await firstAdmin(server)
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage()
    problems = watchProblems(page)
    await signInConsole(page, server.url, admin.username, admin.password)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('lets the KPU RI admin add DI Yogyakarta and its first admin, who signs in there', async () => {
    expect(server.output()).toContain('office: KPU Republik Indonesia (00)')
    await page.goto(`${server.url}/console/admin/offices`)
    await page.getByTestId('offices-below-empty').waitFor()
    const form = page.getByTestId('office-form')
    await form.getByLabel('Kode wilayah').fill('34')
    // A province Kemendagri lists brings its KPU's name.
    await expect
      .poll(() => form.getByLabel('Kantor', { exact: true }).inputValue())
      .toBe('KPU Daerah Istimewa Yogyakarta')
    await form.getByRole('button', { name: 'Buat' }).click()
    await page.getByTestId('office-34').waitFor()
    await screenshot(page, 'admin-offices-below')

    await page.getByTestId('office-added').getByRole('link', { name: 'Buat admin pertama' }).click()
    const userForm = page.getByTestId('user-form')
    await userForm.getByLabel('Nama pengguna').fill('admin.diy')
    await userForm.getByLabel('Nama tampilan').fill('Admin KPU DIY')
    await userForm.getByRole('button', { name: 'Buat' }).click()
    const oneTime = (await page.getByTestId('one-time-password').textContent())!.trim()

    const diy = staffClient(server.url)
    await diy.signIn('admin.diy', oneTime)
    expect(await diy.api.auth.me.query()).toMatchObject({
      role: 'admin',
      office: { regionCode: '34', level: 'PROVINSI' },
      mustChangePassword: true,
    })
    expect(problems).toEqual([])
  })
})
