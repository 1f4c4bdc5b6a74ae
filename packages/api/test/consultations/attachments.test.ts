import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { testTargets } from '@mejabantu/db/testing'
import type { Attachment } from '@mejabantu/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConsultationDetail, ConsultationRecord } from '../../src/consultations/schemas.ts'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import { dataOf as data, type TrpcReply } from '../support/browser.ts'
import { seedOffices, sheetInput, signInStaff, type Staff } from '../support/consultation-fixtures.ts'

const refusal = (reply: TrpcReply) => ({ status: reply.status, ...reply.body.error?.data })

const pdf = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.from([0, 1, 2, 250, 251, 252]),
  Buffer.from('\n%%EOF'),
])
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
const upload = (consultationId: string, overrides: Record<string, unknown> = {}) => ({
  consultationId,
  fileName: 'Surat keterangan C2.pdf',
  contentType: 'application/pdf',
  contentBase64: pdf.toString('base64'),
  ...overrides,
})

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
}

describe.each(testTargets())('consultation attachments on $kind', (target) => {
  let api: ApiFixture
  let storageDir: string
  let bantul: Staff
  let sleman: Staff
  let diy: Staff
  let pimpinan: Staff

  beforeAll(async () => {
    storageDir = await mkdtemp(path.join(tmpdir(), 'mejabantu-attachments-'))
    process.env.ATTACHMENTS_DIR = storageDir
    api = await startApi(target)
    await seedOffices(api.db)
    ;[bantul, sleman, diy, pimpinan] = await Promise.all([
      signInStaff(api.db, api.url, '34.02', 'petugas'),
      signInStaff(api.db, api.url, '34.04', 'petugas'),
      signInStaff(api.db, api.url, '34', 'petugas'),
      signInStaff(api.db, api.url, '34.02', 'pimpinan'),
    ])
  })
  afterAll(async () => {
    await api.close()
    await rm(storageDir, { recursive: true, force: true })
  })

  const sheet = async (staff: Staff = bantul) =>
    data<ConsultationRecord>(await staff.mutation('consultations.create', sheetInput()))
  const attach = async (staff: Staff, input: Record<string, unknown>) =>
    data<Attachment>(await staff.mutation('consultations.attach', input))

  it('stores the file under a generated key, records its sha256, audits it, and gives it back', async () => {
    const consultation = await sheet()
    const attachment = await attach(bantul, upload(consultation.id))
    expect(attachment).toMatchObject({
      consultationId: consultation.id,
      fileName: 'Surat keterangan C2.pdf',
      contentType: 'application/pdf',
      size: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      uploadedById: bantul.userId,
    })
    const row = await api.db.prisma.attachment.findUniqueOrThrow({ where: { id: attachment.id } })
    expect(row.storageKey).toBe(`consultations/${consultation.id}/${attachment.id}`)
    await expect(readFile(path.join(storageDir, row.storageKey))).resolves.toEqual(pdf)

    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'consultation.attach', targetId: consultation.id },
    })
    expect(audit).toMatchObject({
      actorId: bantul.userId,
      targetType: 'Consultation',
      after: { attachmentId: attachment.id, sha256: attachment.sha256, size: pdf.length },
    })

    const listed = data<Attachment[]>(
      await pimpinan.query('consultations.attachments', { consultationId: consultation.id }),
    )
    expect(listed).toEqual([attachment])
    const detail = data<ConsultationDetail>(await bantul.query('consultations.get', { id: consultation.id }))
    expect(detail.attachments).toEqual([attachment])
    expect(detail.history.at(-1)?.action).toBe('consultation.attach')

    const downloaded = data<Attachment & { contentBase64: string }>(
      await pimpinan.query('consultations.download', { id: attachment.id }),
    )
    expect(downloaded).toMatchObject(attachment)
    expect(Buffer.from(downloaded.contentBase64, 'base64')).toEqual(pdf)
  })

  it('takes a file near the 10 MB limit, while other calls keep the small body limit', async () => {
    const consultation = await sheet()
    const large = Buffer.concat([pdf.subarray(0, 8), Buffer.alloc(9 * 1024 * 1024, 0x20), pdf.subarray(8)])
    const attachment = await attach(
      bantul,
      upload(consultation.id, { contentBase64: large.toString('base64') }),
    )
    expect(attachment.size).toBe(large.length)

    const oversized = await bantul.mutation(
      'consultations.create',
      sheetInput({ question: 'x'.repeat(1_200_000) }),
    )
    expect(oversized.status).toBe(413)
    const smuggled = await bantul.mutation('consultations.attach,consultations.create', {
      0: upload(consultation.id),
      1: sheetInput({ question: 'x'.repeat(1_200_000) }),
    })
    expect(smuggled.status).toBe(413)
  })

  it('lets the office a sheet is referred to attach and read, and no other office', async () => {
    const consultation = await sheet()
    await bantul.mutation('consultations.refer', { id: consultation.id, note: 'Ke Provinsi.' })
    const fromProvince = await attach(
      diy,
      upload(consultation.id, {
        fileName: 'tafsir.png',
        contentType: 'image/png',
        contentBase64: png.toString('base64'),
      }),
    )
    expect(
      data<Attachment[]>(
        await bantul.query('consultations.attachments', { consultationId: consultation.id }),
      ),
    ).toEqual([fromProvince])

    const before = await filesUnder(storageDir)
    expect(refusal(await sleman.mutation('consultations.attach', upload(consultation.id)))).toMatchObject({
      status: 403,
      rule: 'tenancy.office',
    })
    expect(
      refusal(await sleman.query('consultations.attachments', { consultationId: consultation.id })),
    ).toMatchObject({
      status: 403,
      rule: 'tenancy.office',
    })
    expect(refusal(await sleman.query('consultations.download', { id: fromProvince.id }))).toMatchObject({
      status: 403,
      rule: 'tenancy.office',
    })
    expect(refusal(await pimpinan.mutation('consultations.attach', upload(consultation.id)))).toMatchObject({
      status: 403,
      rule: 'auth.forbidden',
    })
    expect(await filesUnder(storageDir)).toEqual(before)
  })

  it.each([
    [
      'content that is not the declared type',
      { contentBase64: Buffer.from('MZ\x90\x00 executable').toString('base64') },
      400,
      'attachment.contentMismatch',
    ],
    ['a PNG declared as PDF', { contentBase64: png.toString('base64') }, 400, 'attachment.contentMismatch'],
    ['an empty file', { contentBase64: '' }, 400, 'attachment.empty'],
    ['a type outside the list', { contentType: 'text/html' }, 400, 'input.invalid'],
    ['text that is not base64', { contentBase64: 'bukan base64!' }, 400, 'input.invalid'],
    ['a file name with a path', { fileName: '../../../etc/passwd' }, 400, 'input.invalid'],
    ['a file name with a control character', { fileName: 'a\u0000.pdf' }, 400, 'input.controlCharacter'],
  ])('refuses %s, storing nothing', async (_case, overrides, status, rule) => {
    const consultation = await sheet()
    const before = await filesUnder(storageDir)
    const rows = await api.db.prisma.attachment.count()
    expect(
      refusal(await bantul.mutation('consultations.attach', upload(consultation.id, overrides))),
    ).toMatchObject({
      status,
      rule,
    })
    expect(await filesUnder(storageDir)).toEqual(before)
    expect(await api.db.prisma.attachment.count()).toBe(rows)
    expect(
      await api.db.prisma.auditEvent.count({
        where: { action: 'consultation.attach', targetId: consultation.id },
      }),
    ).toBe(0)
  })

  it('refuses a closed sheet and an unknown one', async () => {
    const consultation = await sheet()
    await bantul.mutation('consultations.answer', { id: consultation.id, answer: 'Jawaban' })
    await bantul.mutation('consultations.close', { id: consultation.id })
    const before = await filesUnder(storageDir)
    expect(refusal(await bantul.mutation('consultations.attach', upload(consultation.id)))).toMatchObject({
      status: 409,
      rule: 'consultation.closed',
    })
    const unknown = '00000000-0000-4000-8000-000000000002'
    expect(refusal(await bantul.mutation('consultations.attach', upload(unknown)))).toMatchObject({
      status: 404,
      rule: 'consultation.notFound',
    })
    expect(
      refusal(await bantul.query('consultations.attachments', { consultationId: unknown })),
    ).toMatchObject({
      status: 404,
      rule: 'consultation.notFound',
    })
    expect(refusal(await bantul.query('consultations.download', { id: unknown }))).toMatchObject({
      status: 404,
      rule: 'attachment.notFound',
    })
    expect(await filesUnder(storageDir)).toEqual(before)
  })

  it('refuses to hand out a file that is missing or was altered in storage', async () => {
    const consultation = await sheet()
    const altered = await attach(bantul, upload(consultation.id))
    const missing = await attach(bantul, upload(consultation.id))
    const key = async (id: string) =>
      (await api.db.prisma.attachment.findUniqueOrThrow({ where: { id } })).storageKey
    await writeFile(path.join(storageDir, await key(altered.id)), Buffer.from('%PDF-1.7 diubah'))
    await rm(path.join(storageDir, await key(missing.id)))
    for (const id of [altered.id, missing.id]) {
      const reply = await bantul.query('consultations.download', { id })
      expect(refusal(reply)).toMatchObject({ status: 500, rule: 'attachment.unavailable' })
      expect(reply.text).not.toContain(storageDir)
    }
  })
})
