import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from '../src/console.ts'
import { checkInNewVisitor, openKiosk, pair } from '../src/kiosk-page.ts'
import { openProvinceDesk, type ProvinceDesk } from '../src/province-desk.ts'
import type { ServerUnderTest } from '../src/server.ts'
import { pairingCode, type Api } from '../src/staff.ts'

// Bantul's admin adds a topic and a SILON sub-topic of its own; the desk files a sheet under them and
// refers it up, where it goes to the SILON team; the kiosk offers the new topic as a tile.
describe('topics kept by the office’s admin', () => {
  let desk: ProvinceDesk
  let server: ServerUnderTest
  let browser: Browser
  let page: Page
  let problems: string[]
  let bantul: Api

  beforeAll(async () => {
    desk = await openProvinceDesk()
    ;({ server, browser, page, problems, bantul } = desk)
  })
  afterAll(() => desk?.close())

  // A click that lands while a select's list is still closing is lost: pick, then wait for it to go.
  const choose = async (select: string, option: string) => {
    await page.getByTestId(select).click()
    await page.getByRole('option', { name: option, exact: true }).click()
    await page.getByRole('listbox').waitFor({ state: 'hidden' })
  }

  const addTopic = async (label: string, parent?: string) => {
    const form = page.getByTestId('topic-create')
    if (parent) {
      await choose('topic-parent', parent)
    }
    // Enter submits the form: a click could land on a select's list that is still closing, and be lost.
    await form.getByTestId('topic-label').fill(label)
    await form.getByTestId('topic-label').press('Enter')
    await expect.poll(() => page.getByTestId('topic-table').textContent()).toContain(label)
    // The form clears once the list shows the new topic; the next one starts on an empty form.
    await expect.poll(() => form.getByTestId('topic-label').inputValue()).toBe('')
  }

  it('shows the national topics read-only and adds a topic and a sub-topic of the office', async () => {
    await page.goto(`${server.url}/console/admin/topics`)
    const table = page.getByTestId('topic-table')
    await table.waitFor()
    const silon = page.getByTestId('topic-silon')
    expect(await silon.textContent()).toMatch(/Nasional \(KPU RI\).*Tim SILON.*Hanya dibaca/)
    expect(await silon.getByRole('button').count()).toBe(0)
    await addTopic('Logistik pemilihan')
    await addTopic('Lupa kata sandi', 'SILON')
    const sub = page.getByTestId('topic-silon_lupa_kata_sandi')
    expect(await sub.textContent()).toMatch(/Lupa kata sandi.*KPU Kabupaten Bantul.*Mengikuti topiknya/)
    await screenshot(page, 'admin-topics')

    await page.getByTestId('topic-logistik_pemilihan').getByRole('button', { name: 'Ubah nama' }).click()
    const dialog = page.getByTestId('topic-edit')
    await dialog.getByLabel('Nama (English)').fill('Election logistics')
    await dialog.getByRole('button', { name: 'Simpan' }).click()
    await expect.poll(() => dialog.count()).toBe(0)
    const topics = await bantul.topics.list.query({})
    expect(topics.find((t) => t.code === 'logistik_pemilihan')?.labelEn).toBe('Election logistics')
  })

  it('files a sheet under the SILON sub-topic, and its referral goes to the SILON team', async () => {
    await page.goto(`${server.url}/console/consultations/new`)
    await page.getByTestId('asker-name').fill('Andi Wijaya')
    await choose('sheet-topic', 'SILON')
    await choose('sheet-sub-topic', 'Lupa kata sandi')
    await page
      .getByTestId('question')
      .fill('Akun SILON terkunci setelah lupa kata sandi, bagaimana membukanya?')
    await page.getByTestId('asker-name').press('Enter')
    await page.getByTestId('sheet-facts').waitFor()
    expect(await page.getByTestId('sheet-topic-label').textContent()).toMatch(/SILON\s*›\s*Lupa kata sandi/)

    await page.getByRole('button', { name: 'Rujuk ke kantor atasan' }).click()
    const team = page.getByTestId('referral-team')
    expect(await team.getByRole('radio', { name: 'Tim SILON' }).isChecked()).toBe(true)
    await page.getByLabel('Catatan rujukan').fill('Mohon bantuan tim SILON provinsi.')
    await page.getByRole('button', { name: 'Rujuk', exact: true }).click()
    await expect.poll(() => page.getByTestId('sheet-referral-team').textContent()).toContain('Tim SILON')
  })

  it('offers the office’s new topic on the kiosk, and files the visit under it', async () => {
    const kiosk = await openKiosk(browser, server.url)
    await pair(kiosk.page, await pairingCode(bantul))
    const number = await checkInNewVisitor(kiosk.page, {
      category: 'lo',
      phone: '081234567890',
      name: 'Sari Lestari',
      topic: 'logistik_pemilihan',
    })
    expect(number).toMatch(/^A-\d{3}$/)
    const queue = await bantul.visits.today.query({})
    expect(JSON.stringify(queue)).toContain('logistik_pemilihan')
    await kiosk.context.close()
    expect(problems).toEqual([])
  })
})
