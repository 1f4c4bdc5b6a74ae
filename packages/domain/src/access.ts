import type { z } from 'zod'
import { labelledEnum } from './labels.ts'

/** Who works in the console. A kiosk device is not a user: it can only check walk-ins in. */
export const Role = labelledEnum({
  admin: { id: 'Admin', en: 'Administrator' },
  petugas: { id: 'Petugas helpdesk', en: 'Help-desk staff' },
  pimpinan: { id: 'Pimpinan', en: 'Leadership' },
  pengawas: { id: 'Pengawas', en: 'Observer' },
})
/** A console user's role. */
export type Role = z.infer<typeof Role.schema>

/** What a request may do; procedures name one permission each. */
export const Permission = labelledEnum({
  'office.read': { id: 'Melihat data kantor', en: 'Read the office’s records' },
  'rollup.read': { id: 'Melihat rekap kantor di bawahnya', en: 'Read roll-ups of offices below' },
  'visit.write': { id: 'Mengelola buku tamu dan antrean', en: 'Manage the guest book and queue' },
  'consultation.write': { id: 'Mencatat konsultasi', en: 'Record consultations' },
  'knowledge.write': { id: 'Menulis artikel basis pengetahuan', en: 'Write knowledge-base articles' },
  'requirement.write': { id: 'Mencatat hasil penelitian', en: 'Record research results' },
  'report.write': { id: 'Menyusun laporan', en: 'Compile reports' },
  'report.sign': { id: 'Mengesahkan dan mengirim laporan', en: 'Sign off and send reports' },
  'admin.manage': { id: 'Mengelola kantor, pengguna dan perangkat', en: 'Manage offices, users and devices' },
  'audit.read': { id: 'Melihat jejak audit', en: 'Read the audit trail' },
})
/** One capability a role may hold. */
export type Permission = z.infer<typeof Permission.schema>

// Staff prepare reports; leadership signs them off and sends them up. The administrator runs the system
// and holds every permission but that signature.
const grants: Record<Role, readonly Permission[]> = {
  admin: Permission.values.filter((p) => p !== 'report.sign'),
  petugas: [
    'office.read',
    'visit.write',
    'consultation.write',
    'knowledge.write',
    'requirement.write',
    'report.write',
  ],
  pimpinan: ['office.read', 'rollup.read', 'report.write', 'report.sign', 'audit.read'],
  pengawas: ['office.read', 'rollup.read', 'audit.read'],
}

/** Whether a role holds a permission. */
export function can(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission)
}

/** Observers' reads are themselves audited (design: "every view audited"). */
export function readsAreAudited(role: Role): boolean {
  return role === 'pengawas'
}
