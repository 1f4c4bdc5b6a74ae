// The records the script-injection test seeds through the API, a payload in every free-text field.
import { randomUUID } from 'node:crypto'
import { wibDate } from '../src/console.ts'
import type { ServerUnderTest } from '../src/server.ts'
import { pairKiosk, staffClient, STAFF_PASSWORD, type Api } from '../src/staff.ts'
import { XSS } from '../src/xss.ts'

// One payload per free-text field, each with its own words, so a failure names the field.
export const typed = {
  office: `KPU Kabupaten Bantul ${XSS.svg}`,
  hours: `Senin–Jumat ${XSS.img}`,
  contactChannel: `telepon ${XSS.script}`,
  contactAddress: XSS.url,
  staffName: `Sari ${XSS.script}`,
  device: `Kios lobi ${XSS.img}`,
  consentVersion: XSS.svg,
  consentBody: { id: `Persetujuan ${XSS.markup}`, en: `Consent ${XSS.markup}` },
  election: `Pilkada 2024 Bantul ${XSS.template}`,
  head: `Budi ${XSS.img}`,
  deputy: `Siti ${XSS.svg}`,
  party: `Partai ${XSS.script}`,
  liaison: `Andi ${XSS.svg}`,
  reason: `Alasan ${XSS.markup}`,
  evidence: `${XSS.url}//bukti`,
  place: `Ruang rapat ${XSS.img}`,
  attendee: `Sri ${XSS.script}`,
  documentRef: `${XSS.url}//BA-01`,
  guest: `Rahmat ${XSS.img}`,
  guestInstitution: `Partai Tamu ${XSS.svg}`,
  purpose: `Keperluan ${XSS.template}`,
  kioskGuest: `Dewi ${XSS.script}`,
  asker: `Yusuf ${XSS.svg}`,
  askerInstitution: `Partai Penanya ${XSS.img}`,
  askerContact: `${XSS.url}//kontak`,
  question: `Pertanyaan ${XSS.script}\n${XSS.markup}`,
  participant: `Peserta ${XSS.img}`,
  participantInstitution: `Instansi ${XSS.template}`,
  minutes: `Notulen ${XSS.markup}`,
  answer: `Jawaban ${XSS.markup}`,
  legalBasis: `PKPU 8/2024 ${XSS.svg}`,
  referral: `Rujukan ${XSS.template}`,
  fileName: `${XSS.img}.pdf`,
  walkIn: `Wati ${XSS.template}`,
} as const

export const GUEST_PHONE = '081234567001'

export interface Seeded {
  sheetId: string
  referredId: string
  pairId: string
  reportId: string
}

/** Everything a petugas and an admin enter, through the API, with a payload in every free-text field. */
export async function seed(server: ServerUnderTest, admin: Api, petugas: Api): Promise<Seeded> {
  const office = (await admin.admin.offices.list.query()).find((o) => o.regionCode === '34.02')!
  await admin.admin.offices.update.mutate({
    id: office.id,
    name: typed.office,
    helpdeskHours: typed.hours,
    helpdeskContacts: { [typed.contactChannel]: typed.contactAddress },
  })
  await admin.consent.add.mutate({
    version: typed.consentVersion,
    effectiveFrom: wibDate(-1),
    retentionDays: 365,
    body: typed.consentBody,
  })
  const election = await admin.elections.create.mutate({
    name: typed.election,
    kind: 'bupati',
    regionCode: '34.02',
    year: 2024,
    // The perbaikan window is open, so a BMS document is due and the dashboard lists the pair.
    overrides: [{ stage: 'perbaikan', startsAt: `${wibDate(-1)}T00:00`, endsAt: `${wibDate(1)}T23:59` }],
  })
  const pair = await petugas.candidates.create.mutate({
    electionId: election.id,
    pair: {
      pathway: 'partai',
      parties: [typed.party],
      candidates: [
        { role: 'kepala', fullName: typed.head, birthDate: '1975-03-01' },
        { role: 'wakil', fullName: typed.deputy, birthDate: '1980-07-12' },
      ],
      liaisonOfficer: { name: typed.liaison, phone: '081234567890' },
    },
  })
  const dossier = await petugas.candidates.dossier.query({ pairId: pair.id })
  const partyCheck = dossier.groups.syarat_pencalonan.find((c) => c.subject === typed.party)!
  await petugas.requirements.record.mutate({
    checkId: partyCheck.id,
    to: 'diserahkan',
    reason: null,
    evidence: null,
  })
  // A party's document is settled at registration: returned with the typed reason, then handed in again.
  await petugas.requirements.record.mutate({
    checkId: partyCheck.id,
    to: 'dikembalikan',
    reason: typed.reason,
    evidence: typed.evidence,
  })
  await petugas.requirements.record.mutate({
    checkId: partyCheck.id,
    to: 'diserahkan',
    reason: null,
    evidence: null,
  })
  // A candidate's BMS, due within the open window, puts the pair on the dashboard's deadlines.
  const skck = dossier.groups.syarat_calon.find((c) => c.requirementCode === 'C5')!
  await petugas.requirements.record.mutate({
    checkId: skck.id,
    to: 'diserahkan',
    reason: null,
    evidence: null,
  })
  await petugas.requirements.record.mutate({
    checkId: skck.id,
    to: 'BMS',
    reason: 'SKCK kedaluwarsa',
    evidence: null,
  })
  await petugas.requirements.handover.mutate({
    pairId: pair.id,
    heldAt: new Date(),
    place: typed.place,
    attendees: [{ name: typed.attendee, institution: 'pasangan_calon', institutionName: typed.party }],
    documentRef: typed.documentRef,
  })

  const guest = { category: 'lo', consentVersion: typed.consentVersion, topic: 'syarat_calon' } as const
  await petugas.visits.checkIn.mutate({
    ...guest,
    clientId: randomUUID(),
    guest: { name: typed.guest, institution: typed.guestInstitution, phone: GUEST_PHONE, category: 'lo' },
    purpose: typed.purpose,
  })
  const tablet = await pairKiosk(server.url, admin, typed.device)
  await tablet.api.kiosk.checkIn.mutate({
    ...guest,
    clientId: randomUUID(),
    guest: { name: typed.kioskGuest, phone: '081234567002', category: 'lo' },
  })
  // The first walk-in is called and served; the desk refers the sheet the visit opened.
  const called = await petugas.queue.callNext.mutate()
  const { consultationId: referredId } = await petugas.queue.serve.mutate({ visitId: called!.id })
  await petugas.consultations.refer.mutate({ id: referredId, note: typed.referral })

  const sheet = await petugas.consultations.create.mutate({
    channel: 'grup_pesan',
    askerName: typed.asker,
    askerInstitution: typed.askerInstitution,
    askerContact: typed.askerContact,
    stakeholderCategory: 'lo',
    topic: 'syarat_calon',
    question: typed.question,
    participants: [{ name: typed.participant, institution: typed.participantInstitution }],
    minutes: typed.minutes,
    candidatePairId: pair.id,
  })
  await petugas.consultations.attach.mutate({
    consultationId: sheet.id,
    fileName: typed.fileName,
    contentType: 'application/pdf',
    contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
  })
  await petugas.consultations.answer.mutate({
    id: sheet.id,
    answer: typed.answer,
    legalBasis: typed.legalBasis,
  })
  // Leadership signs the report off, under a payload name too, so the signer's line carries one.
  const pimpinan = await staffNamed(admin, server.url, { username: 'sari.pimpinan', role: 'pimpinan' })
  const report = await pimpinan.api.reports.finalise.mutate({
    from: `${wibDate(0).slice(0, 8)}01`,
    to: wibDate(0),
  })
  return { sheetId: sheet.id, referredId, pairId: pair.id, reportId: report.id }
}

/** Staff whose display name is a payload, so every "who did it" line carries one. */
export async function staffNamed(
  admin: Api,
  baseUrl: string,
  { username, role }: { username: string; role: 'petugas' | 'pimpinan' },
) {
  const { user, oneTimePassword } = await admin.admin.users.create.mutate({
    username,
    displayName: typed.staffName,
    role,
  })
  const client = staffClient(baseUrl)
  await client.signIn(user.username, oneTimePassword)
  // The password change keeps this session, so the same client goes on as this account.
  await client.api.auth.changePassword.mutate({
    currentPassword: oneTimePassword,
    newPassword: STAFF_PASSWORD,
  })
  return { username: user.username, api: client.api }
}
