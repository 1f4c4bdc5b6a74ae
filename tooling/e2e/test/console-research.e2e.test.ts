import { readFile } from 'node:fs/promises'
import type { Browser, Locator, Page } from 'playwright-core'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../src/browser.ts'
import { electionWithPair, screenshot, signInConsole, watchProblems, wibDate } from '../src/console.ts'
import { startBuiltServer, type ServerUnderTest } from '../src/server.ts'
import { addStaff, firstAdmin, type Api } from '../src/staff.ts'

// The season of one pair as a technical division runs it: registration with a receipt, BMS, a fix handed
// in before the window closed but typed after, TMS for an unfixed one, a correction by a ruling, a
// replacement candidate, and the berita acara and tanda terima as PDFs — in Bahasa Indonesia and English.
describe('research of a pair from registration to the berita acara', () => {
  let server: ServerUnderTest
  let browser: Browser
  let page: Page
  let problems: string[]
  let admin: Api
  let electionId: string
  let pairId: string
  const year = wibDate(0).slice(0, 4)

  beforeAll(async () => {
    // Staff record the research of fixes themselves here; the server's own end-of-window run is tested in the API.
    ;[server, browser] = await Promise.all([
      startBuiltServer({ FIX_WINDOW_INTERVAL_MINUTES: '0' }),
      launchBrowser(),
    ])
    admin = (await firstAdmin(server)).api
    const petugas = await addStaff(server, admin, 'petugas')
    const { election, pair } = await electionWithPair(admin)
    ;[electionId, pairId] = [election.id, pair.id]
    await admin.elections.overrideStages.mutate({
      electionId,
      overrides: [
        { stage: 'pengajuan_pengganti', startsAt: `${wibDate(-1)}T00:00`, endsAt: `${wibDate(1)}T23:59` },
      ],
    })
    page = await (
      await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })
    ).newPage()
    // A registration accepted too early and one typed after hours are refused on purpose.
    problems = watchProblems(page, [/candidates\.(decide|create)/])
    await signInConsole(page, server.url, petugas.username, petugas.password)
    await page.goto(`${server.url}/console/pairs/${pairId}`)
    await page.getByTestId('dossier').waitFor()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  const row = (code: string, subject: string) => page.getByTestId(`check-${code}-${subject}`)
  const status = (code: string, subject: string) =>
    row(code, subject).getByTestId('check-status').textContent()
  const pairStatus = () => page.getByTestId('pair-status-value').textContent()

  async function research(target: Locator, result: string, reason?: string, ruling?: [string, string]) {
    await target.getByTestId('research').click()
    const form = page.getByTestId('research-form')
    await form.getByTestId('research-to').click()
    await page.getByRole('option', { name: result, exact: true }).click()
    if (ruling) {
      await form.getByTestId('correction-cause').click()
      await page.getByRole('option', { name: 'Putusan sengketa proses Bawaslu' }).click()
      await form.getByTestId('correction-ruling-number').fill(ruling[0])
      await form.getByTestId('correction-ruling-date').fill(ruling[1])
    }
    if (reason !== undefined) await form.getByTestId('research-reason').fill(reason)
    await form.getByTestId('research-save').click()
    await page.getByRole('dialog').waitFor({ state: 'detached' })
  }

  async function handIn(documents: [string, string][], receivedAt: string) {
    await page.getByTestId('open-submit').click()
    const form = page.getByTestId('submit-form')
    for (const [code, subject] of documents) await form.getByTestId(`submit-${code}-${subject}`).click()
    await form.getByTestId('submit-received-at').fill(receivedAt)
    await form.getByTestId('submit-save').click()
    await page.getByRole('dialog').waitFor({ state: 'detached' })
  }

  async function pdfText(button: Locator) {
    const download = page.waitForEvent('download')
    await button.click()
    const bytes = await readFile((await (await download).path())!)
    const pdf = await getDocumentProxy(new Uint8Array(bytes))
    return (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, ' ')
  }

  it('takes the registration documents with a tanda terima and accepts the registration', async () => {
    expect(await pairStatus()).toBe('Bakal pasangan calon')
    const nomination: [string, string][] = [
      ['P1', 'pasangan'],
      ['P2', 'Partai Amanah'],
      ['P2', 'Partai Bintang'],
      ['P3', 'Partai Amanah'],
      ['P3', 'Partai Bintang'],
      ['P4', 'pasangan'],
      ['P5', 'pasangan'],
    ]
    await handIn([...nomination, ['C5', 'kepala'], ['C3', 'kepala'], ['C2', 'wakil']], `${wibDate(-1)}T10:00`)
    await expect
      .poll(() => page.getByTestId('receipts').textContent())
      .toContain(`001/PL.02.2-TT/3402/${year}`)
    await expect.poll(() => status('C5', 'kepala')).toBe('Diserahkan')

    await page.getByTestId('decide-pendaftaran_diterima').click()
    await page.getByTestId('decision-save').click()
    await expect
      .poll(() => page.locator('ol[data-slot="viewport"]').textContent())
      .toContain('syarat pencalonan belum lengkap')
    for (const [code, subject] of nomination) await research(row(code, subject), 'MS (memenuhi syarat)')
    await page.getByTestId('decide-pendaftaran_diterima').click()
    await page.getByTestId('decision-save').click()
    await expect.poll(pairStatus).toBe('Pendaftaran diterima')
  })

  it('records BMS with a reason, and the countdown to the fixing deadline appears', async () => {
    await research(
      row('C5', 'kepala'),
      'BMS (belum memenuhi syarat)',
      'SKCK sudah kedaluwarsa; serahkan SKCK terbaru.',
    )
    await research(
      row('C3', 'kepala'),
      'BMS (belum memenuhi syarat)',
      'Surat keterangan PN belum dilegalisasi.',
    )
    await expect.poll(() => status('C5', 'kepala')).toBe('BMS')
    await expect
      .poll(() => row('C5', 'kepala').getByTestId('countdown').textContent())
      .toMatch(/sisa \d+ (hari|jam)/)
    // The LO is told, and the dossier shows the message among its history.
    await page.reload()
    await expect
      .poll(() => page.getByTestId('message-history').textContent())
      .toContain('Hasil penelitian ke LO')
  })

  it('counts a fix handed in at 23.50 on the last day though typed after the window closed', async () => {
    await admin.elections.overrideStages.mutate({
      electionId,
      overrides: [{ stage: 'perbaikan', startsAt: `${wibDate(-3)}T00:00`, endsAt: `${wibDate(-1)}T23:59` }],
    })
    await page.reload()
    await page.getByTestId('dossier').waitFor()
    await handIn([['C5', 'kepala']], `${wibDate(-1)}T23:50`)
    await expect.poll(() => status('C5', 'kepala')).toBe('Perbaikan diserahkan')
    await row('C5', 'kepala').getByRole('button', { name: 'Riwayat penelitian' }).click()
    expect(await page.getByTestId('history-received').last().textContent()).toContain('pukul 23.50 WIB')
    await research(row('C5', 'kepala'), 'MS (memenuhi syarat)')
    await expect.poll(() => status('C5', 'kepala')).toBe('MS')
  })

  it('finds the unfixed BMS TMS by the research of fixes once the window has closed', async () => {
    await page.getByTestId('close-fix-window').click()
    await page.getByTestId('close-fix-window-confirm').click()
    await expect.poll(() => status('C3', 'kepala')).toBe('TMS')
    expect(await row('C3', 'kepala').getByTestId('check-reason').textContent()).toContain(
      'Tidak diperbaiki sampai',
    )
  })

  it('corrects the TMS only by a ruling that names its number and date', async () => {
    await research(row('C3', 'kepala'), 'MS (memenuhi syarat)', 'Putusan Bawaslu mengabulkan permohonan.', [
      '001/PS.REG/34.02/IX/2024',
      `${wibDate(0)}`,
    ])
    await expect.poll(() => status('C3', 'kepala')).toBe('MS')
    await row('C3', 'kepala').getByRole('button', { name: 'Riwayat penelitian' }).click()
    expect(await page.getByTestId('history-correction').last().textContent()).toContain(
      '001/PS.REG/34.02/IX/2024',
    )
  })

  it('replaces a TMS candidate with a calon pengganti who starts a checklist of their own', async () => {
    await research(row('C2', 'wakil'), 'TMS (tidak memenuhi syarat)', 'Tidak memenuhi syarat kesehatan.')
    await page.getByTestId('open-replace').click()
    const form = page.getByTestId('replacement-form')
    await form.getByTestId('replacement-name').fill('Dewi Lestari')
    await form.getByTestId('replacement-birth').fill('1982-04-04')
    await form.getByTestId('replacement-reason').fill('C2 calon wakil TMS')
    await form.getByTestId('replacement-save').click()
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    await expect.poll(() => page.getByTestId('pair-header').textContent()).toContain('Dewi Lestari')
    expect(await page.getByTestId('replaced').textContent()).toContain('Siti Aminah')
    expect(await status('C2', 'wakil')).toBe('Belum diserahkan')
  })

  it('issues the berita acara at the handover, with every document’s result frozen in its PDF', async () => {
    await page.getByRole('button', { name: 'Catat penyerahan' }).click()
    const form = page.getByTestId('handover-form')
    await form.getByLabel('Nama').first().fill('Sri Wahyuni')
    await form.getByTestId('handover-place').fill('Ruang rapat KPU Kabupaten Bantul')
    await form.getByTestId('handover-save').click()
    await expect
      .poll(() => page.getByTestId('handovers').textContent())
      .toContain(`001/PL.02.2-BA/3402/${year}`)
    await expect.poll(pairStatus).toBe('Hasil penelitian disampaikan')
    await screenshot(page, 'dossier')
    const text = await pdfText(page.getByTestId('berita-acara-pdf'))
    expect(text).toContain('BERITA ACARA HASIL PENELITIAN ADMINISTRASI')
    expect(text).toContain(`001/PL.02.2-BA/3402/${year}`)
    expect(text).toContain('Ketua Divisi Teknis Penyelenggaraan')
    expect(text).toMatch(/C3 .*MS/)
    expect(text).toContain('Belum disahkan pimpinan')
  })

  it('prints the tanda terima of the registration documents', async () => {
    const text = await pdfText(page.getByTestId(`receipt-pdf-001/PL.02.2-TT/3402/${year}`))
    expect(text).toContain('TANDA TERIMA DOKUMEN PERSYARATAN')
    expect(text).toContain('pukul 10.00 WIB')
    expect(text).toContain('Model B-KWK Parpol')
    expect(problems).toEqual([])
  })

  it('reads the same dossier and documents in English', async () => {
    await page.getByRole('button', { name: /English/ }).click()
    await expect.poll(pairStatus).toBe('Research results handed over')
    expect(await status('C5', 'kepala')).toBe('MS')
    const text = await pdfText(page.getByTestId('berita-acara-pdf'))
    expect(text).toContain('OFFICIAL RECORD OF ADMINISTRATIVE RESEARCH RESULTS')
    expect(text).toContain('Not yet signed off by leadership')
    await page.getByRole('button', { name: /Indonesia/ }).click()
  })

  it('lets leadership sign the berita acara off', async () => {
    const pimpinan = await addStaff(server, admin, 'pimpinan')
    const lead = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage()
    await signInConsole(lead, server.url, pimpinan.username, pimpinan.password)
    await lead.goto(`${server.url}/console/pairs/${pairId}`)
    await lead.getByTestId('sign-berita-acara').click()
    await expect.poll(() => lead.getByTestId('signed-state').textContent()).toContain('Disahkan')
    expect(await lead.getByTestId('open-submit').count()).toBe(0)
    await lead.context().close()
  })

  it('changes the LO contact and adds the SILON admin beside them', async () => {
    await page.getByTestId('edit-pair').click()
    const form = page.getByTestId('pair-edit-form')
    await form.getByLabel('Telepon LO').first().fill('12')
    await form.getByTestId('pair-edit-save').click()
    await form.getByText(/pola|pattern/).waitFor()
    await form.getByLabel('Telepon LO').first().fill('081311112222')
    await form.getByTestId('add-contact').click()
    await form.getByTestId('contact-name-0').fill('Rudi Hartono')
    await form.getByTestId('contact-phone-0').fill('081355556666')
    await form.getByTestId('pair-edit-save').click()
    await expect.poll(() => page.getByTestId('pair-header').textContent()).toContain('081311112222')
    expect(await page.getByTestId('pair-contact').textContent()).toContain('Rudi Hartono')
  })

  it('registers another pair through the form, checked by the domain’s rules', async () => {
    await page.getByRole('link', { name: 'Bakal pasangan calon', exact: true }).click()
    await page.getByTestId('pair-list').getByText('Budi Santoso – Dewi Lestari').waitFor()
    await screenshot(page, 'pairs')
    await page.getByTestId('new-pair').click()
    const form = page.getByTestId('pair-form')
    await form.getByTestId('pair-save').click()
    await form
      .getByText(/Terlalu kecil|Input tidak valid|minimal/i)
      .first()
      .waitFor()
    await form.getByLabel('Calon kepala daerah — Nama lengkap').fill('Agus Salim')
    await form.getByLabel('Calon kepala daerah — Lahir').fill('1970-01-15')
    await form.getByLabel('Calon wakil kepala daerah — Nama lengkap').fill('Rina Marlina')
    await form.getByLabel('Calon wakil kepala daerah — Lahir').fill('1982-05-20')
    await form.getByLabel('Partai 1').fill('Partai Cahaya')
    await form.getByLabel(/Nama LO/).fill('Yusuf Hamdani')
    await form.getByLabel('Telepon LO').fill('081298765432')
    await form.getByTestId('pair-registered-at').fill('2024-08-27T16:30')
    await form.getByTestId('pair-save').click()
    await expect
      .poll(() => page.locator('ol[data-slot="viewport"]').textContent())
      .toContain('Pendaftaran diterima pukul 08.00–16.00 WIB')
    await form.getByTestId('pair-registered-at').fill('2024-08-28T09:15')
    await form.getByTestId('pair-save').click()
    await page.getByTestId('dossier').waitFor()
    expect(await page.getByTestId('pair-header').textContent()).toContain('Agus Salim')
    expect(problems).toEqual([])
  })
})
