import { violation } from '../shared/errors.ts'

/** How the mailbox, message and chat-import procedures refuse; rule names are stable for clients and logs. */
export const messagingViolations = {
  noKey: () =>
    violation(
      'mailbox.noKey',
      {},
      'Kunci enkripsi server (MAIL_SECRET_KEY) belum diatur, sehingga kata sandi kotak surat tidak dapat disimpan dengan aman.',
      'The server’s encryption key (MAIL_SECRET_KEY) is not set, so mailbox passwords cannot be stored safely.',
    ),

  secretMissing: (side: 'imap' | 'smtp') =>
    violation(
      'mailbox.secretMissing',
      { side },
      `Kata sandi ${side.toUpperCase()} wajib diisi saat kotak surat pertama kali dihubungkan.`,
      `The ${side.toUpperCase()} password is required when the mailbox is first connected.`,
    ),

  notConnected: () =>
    violation(
      'mailbox.notConnected',
      {},
      'Kantor ini belum menghubungkan kotak surat.',
      'This office has not connected a mailbox.',
    ),

  unreachable: (side: 'imap' | 'smtp', reason: string) =>
    violation(
      'mailbox.unreachable',
      { side, reason },
      `Server ${side.toUpperCase()} tidak dapat dihubungi atau menolak masuk: ${reason}`,
      `The ${side.toUpperCase()} server could not be reached or refused the sign-in: ${reason}`,
    ),

  noReplyAddress: (number: string) =>
    violation(
      'mailbox.noReplyAddress',
      { number },
      `Konsultasi ${number} tidak memiliki alamat e-mail penanya.`,
      `Consultation ${number} has no asker e-mail address.`,
    ),

  chatImportEmpty: () =>
    violation(
      'chatImport.noChat',
      {},
      'Berkas ekspor tidak berisi percakapan WhatsApp (_chat.txt atau berkas .txt).',
      'The export holds no WhatsApp chat (_chat.txt or a .txt file).',
    ),

  chatImportUnknownThread: (key: string) =>
    violation(
      'chatImport.unknownThread',
      { key },
      'Utas yang dipilih tidak ada dalam berkas ekspor ini.',
      'The chosen thread is not in this export.',
    ),
}
