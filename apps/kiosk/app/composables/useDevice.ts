/** Where the paired device's token lives on the tablet; cleared when the device is revoked. */
const DEVICE_TOKEN_KEY = 'mejabantu.kiosk.token'
const OFFICE_KEY = 'mejabantu.kiosk.office'

/** The paired device's token, or null before pairing (plugins/device-token.ts sends it on every call). */
export const useDeviceToken = () =>
  useState<string | null>('device-token', () => localStorage.getItem(DEVICE_TOKEN_KEY))

/** What the kiosk keeps of its office, so it still greets visitors and shows the consent text offline. */
export interface OfficeInfo {
  name: string
  consent: { version: string; retentionDays: number; body: { id: string; en: string } } | null
  /** The topic tiles, as the office's catalogue lists them (kept for offline check-ins too). */
  topics?: { code: string; label: { id: string; en: string } }[]
  /** What this tablet's offline ticket numbers start with ("L2" → L2-001), given at pairing. */
  offlinePrefix?: string | null
}

const readOffice = (): OfficeInfo | null => {
  try {
    return JSON.parse(localStorage.getItem(OFFICE_KEY) ?? 'null') as OfficeInfo | null
  } catch {
    return null
  }
}

/** A refusal the server sent (it carries a rule), as opposed to a network failure. */
export function refusalOf(error: unknown): { rule: string; message: { id: string; en: string } } | null {
  const data = (error as { data?: { rule?: string; message?: { id: string; en: string } } } | null)?.data
  return data?.rule && data.message ? { rule: data.rule, message: data.message } : null
}

/** The pairing of this tablet: its device token, its office, and the one-time code exchange. */
export function useDevice() {
  const api = useApi()
  const token = useDeviceToken()
  const office = useState<OfficeInfo | null>('device-office', readOffice)

  function forget() {
    localStorage.removeItem(DEVICE_TOKEN_KEY)
    localStorage.removeItem(OFFICE_KEY)
    token.value = null
    office.value = null
  }

  /** Refreshes the office and consent text; a revoked or unknown device goes back to pairing. */
  async function loadOffice() {
    if (!token.value) return
    try {
      const info = await api.kiosk.office.query()
      office.value = {
        name: info.office.name,
        consent: info.consent && {
          version: info.consent.version,
          retentionDays: info.consent.retentionDays,
          body: info.consent.body,
        },
        topics: info.topics,
        offlinePrefix: info.offlinePrefix,
      }
      localStorage.setItem(OFFICE_KEY, JSON.stringify(office.value))
    } catch (error) {
      const refusal = refusalOf(error)
      if (refusal?.rule.startsWith('kiosk.') || refusal?.rule.startsWith('auth.')) forget()
    }
  }

  async function pair(code: string) {
    const paired = await api.kiosk.pair.mutate({ code })
    localStorage.setItem(DEVICE_TOKEN_KEY, paired.token)
    token.value = paired.token
    office.value = { name: paired.office.name, consent: null, offlinePrefix: paired.device.offlinePrefix }
    await loadOffice()
  }

  return { token, office, pair, loadOffice, forget }
}
