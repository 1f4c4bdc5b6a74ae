import { consentTextFor, type ConsentText } from '@mejabantu/domain'

/**
 * The consent text a fresh install shows at the kiosk until an office adds its own (UU 27/2022 tentang
 * Pelindungan Data Pribadi). Written from the domain's privacy promise, so it lists every field the help
 * desk keeps, why, where, for how long and what erasure does to it, as the code does it.
 */
export const DEFAULT_CONSENT_TEXT: ConsentText = consentTextFor({
  version: 'default-2024',
  effectiveFrom: '2024-01-01',
  retentionDays: 90,
})
