import { describe, expect, it } from 'vitest'
import { CandidateRole, Pathway } from './candidate.ts'
import { Channel, ConsultationStatus, StakeholderCategory } from './consultation.ts'
import { Permission, Role } from './access.ts'
import { ElectionKind, Stage } from './election.ts'
import { PriorityReason, VisitStatus } from './guest.ts'
import type { Label } from './labels.ts'
import { OfficeLevel } from './office.ts'
import { CheckStatus, RequirementKind, RequirementSubject } from './requirement.ts'
import { TimeZone } from './time.ts'

const enums = {
  Channel,
  StakeholderCategory,
  ConsultationStatus,
  Pathway,
  CandidateRole,
  CheckStatus,
  RequirementKind,
  RequirementSubject,
  Role,
  Permission,
  OfficeLevel,
  TimeZone,
  VisitStatus,
  PriorityReason,
  ElectionKind,
  Stage,
}

describe.each(Object.entries(enums))('%s', (_name, e) => {
  it('has an Indonesian and an English label for every value, and the schema accepts exactly those values', () => {
    const labels: Record<string, Label> = e.labels
    expect(Object.keys(labels)).toEqual(e.values)
    for (const value of e.values) {
      expect(labels[value]?.id).toMatch(/\S/)
      expect(labels[value]?.en).toMatch(/\S/)
      expect(e.schema.parse(value)).toBe(value)
    }
    expect(e.schema.safeParse('not-a-value').success).toBe(false)
  })
})

it('has five consultation channels, as Keputusan KPU 1229/2024 lists them', () => {
  expect(Channel.values).toEqual(['tatap_muka', 'telepon', 'email', 'grup_pesan', 'pertemuan_daring'])
  expect(Channel.label('grup_pesan', 'en')).toBe('Messaging group')
})

it('offers options in table order in the chosen language', () => {
  expect(Channel.options('en')[0]).toEqual({ value: 'tatap_muka', label: 'Face to face' })
  expect(Channel.options().map((o) => o.value)).toEqual(Channel.values)
})

it('extends an enum without losing a value or a label', () => {
  const OfficeChannel = Channel.extend({ surat: { id: 'Surat', en: 'Letter' } })
  expect(OfficeChannel.values).toEqual([...Channel.values, 'surat'])
  expect(OfficeChannel.schema.parse('surat')).toBe('surat')
  expect(OfficeChannel.label('telepon', 'en')).toBe('Telephone')
  expect(Channel.schema.safeParse('surat').success).toBe(false)
})
