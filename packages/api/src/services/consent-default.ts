import type { ConsentText } from '@mejabantu/domain'

/**
 * The consent text a fresh install shows at the kiosk until an office adds its own (UU 27/2022 tentang
 * Pelindungan Data Pribadi): what is collected, why, for how long, and the visitor's rights.
 */
export const DEFAULT_CONSENT_TEXT: ConsentText = {
  version: 'default-2024',
  effectiveFrom: '2024-01-01',
  retentionDays: 90,
  body: {
    id:
      'Kami mencatat nama, instansi, kategori, nomor telepon, e-mail dan keperluan Anda di buku tamu ' +
      'helpdesk pencalonan untuk melayani Anda, memanggil antrean, dan menyusun laporan layanan kepada ' +
      'pimpinan KPU. Data pribadi Anda disimpan paling lama 90 hari setelah tahapan pencalonan berakhir, ' +
      'lalu dianonimkan; laporan yang diumumkan tidak memuat data pribadi. Anda berhak meminta akses, ' +
      'perbaikan atau penghapusan data Anda kepada petugas (UU Nomor 27 Tahun 2022).',
    en:
      'We record your name, institution, category, phone number, e-mail and purpose in the nomination ' +
      'help desk guest book to serve you, call the queue and report on the service to KPU leadership. ' +
      'Your personal data is kept for at most 90 days after the nomination stage ends, then anonymised; ' +
      'published reports contain no personal data. You may ask the staff to see, correct or delete your ' +
      'data (Law 27 of 2022).',
  },
}
