import type { Locale } from '@mejabantu/domain'

/** The words of the berita acara and the tanda terima, in Bahasa Indonesia and English. */
const words = {
  id: {
    institution: 'KOMISI PEMILIHAN UMUM',
    unit: 'Helpdesk Pencalonan',
    number: 'Nomor',
    beritaAcara: 'Berita Acara Hasil Penelitian Administrasi',
    receipt: 'Tanda Terima Dokumen Persyaratan',
    beritaAcaraOpening: (when: string, place: string) =>
      `Pada ${when}, bertempat di ${place}, telah disampaikan hasil penelitian administrasi dokumen persyaratan bakal pasangan calon berikut kepada petugas penghubung (LO) pasangan calon.`,
    receiptOpening: (kind: string, when: string, channel: string) =>
      `${kind} telah diterima pada ${when} (${channel}).`,
    election: 'Pemilihan',
    pair: 'Bakal pasangan calon',
    pathway: 'Jalur pencalonan',
    parties: 'Partai politik pengusul',
    ballotNumber: 'Nomor urut',
    results: 'Hasil penelitian administrasi',
    received: 'Dokumen yang diterima',
    code: 'Kode',
    document: 'Dokumen',
    subject: 'Atas nama',
    status: 'Hasil',
    reason: 'Keterangan',
    attendees: 'Yang hadir',
    name: 'Nama',
    position: 'Jabatan',
    subjectPair: 'Pasangan calon',
    headOfDivision: (office: string) => `Ketua Divisi Teknis Penyelenggaraan ${office}`,
    liaisonOfficer: 'LO (petugas penghubung) pasangan calon',
    receivedBy: 'Yang menerima (petugas KPU)',
    deliveredBy: 'Yang menyerahkan',
    receiptNote:
      'Tanda terima ini bukan pernyataan bahwa dokumen memenuhi syarat; dokumen diteliti sesuai jadwal tahapan.',
    signedOff: (name: string, when: string) => `Disahkan oleh ${name} pada ${when}.`,
    notSignedOff: 'Belum disahkan pimpinan.',
    page: (n: number, of: number) => `Halaman ${n} dari ${of}`,
  },
  en: {
    institution: 'GENERAL ELECTIONS COMMISSION (KPU)',
    unit: 'Nomination Help Desk (Helpdesk Pencalonan)',
    number: 'Number',
    beritaAcara: 'Official Record of Administrative Research Results (Berita Acara)',
    receipt: 'Receipt of Requirement Documents (Tanda Terima)',
    beritaAcaraOpening: (when: string, place: string) =>
      `On ${when}, at ${place}, the results of the administrative research of the following prospective pair's documents were handed to the pair's liaison officer (LO).`,
    receiptOpening: (kind: string, when: string, channel: string) =>
      `${kind} received on ${when} (${channel}).`,
    election: 'Election',
    pair: 'Prospective pair',
    pathway: 'Pathway',
    parties: 'Nominating parties',
    ballotNumber: 'Ballot number',
    results: 'Administrative research results',
    received: 'Documents received',
    code: 'Code',
    document: 'Document',
    subject: 'Of',
    status: 'Result',
    reason: 'Note',
    attendees: 'Present',
    name: 'Name',
    position: 'Position',
    subjectPair: 'The pair',
    headOfDivision: (office: string) =>
      `Head of the Technical Division (Ketua Divisi Teknis Penyelenggaraan), ${office}`,
    liaisonOfficer: "The pair's liaison officer (LO)",
    receivedBy: 'Received by (KPU staff)',
    deliveredBy: 'Handed in by',
    receiptNote:
      'This receipt does not state that the documents meet the requirements; they are researched on schedule.',
    signedOff: (name: string, when: string) => `Signed off by ${name} on ${when}.`,
    notSignedOff: 'Not yet signed off by leadership.',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
  },
} as const

/** The document words of one locale. */
export type DocumentWords = (typeof words)['id'] | (typeof words)['en']

/** The document words of a locale. */
export const documentWords = (locale: Locale): DocumentWords => words[locale]
