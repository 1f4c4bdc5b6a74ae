import { formatInZone, localDay, type Locale, type TimeZone, type ZonedPart } from '@mejabantu/domain'
import { useQuery } from '@tanstack/vue-query'

/**
 * Dates and times as the office keeps them, in its zone (WIB, WITA, WIT) whatever the browser's: `zone`
 * is the office the lists show (a lower one leadership picked, or the user's own), `ownZone` the user's
 * office, in which they enter what they record.
 */
export function useOfficeTime() {
  const api = useApi()
  const { session } = useSession()
  const { officeId } = useOfficeScope()
  const { locale } = useI18n()
  // The same list the office switcher loads; only asked for once a lower office is picked.
  const offices = useQuery({
    queryKey: ['offices.readable'],
    queryFn: () => api.offices.readable.query(),
    enabled: computed(() => officeId.value !== undefined),
    staleTime: 5 * 60_000,
  })
  const ownZone = computed<TimeZone>(() => session.value?.office.timeZone ?? 'WIB')
  const zone = computed<TimeZone>(
    () => offices.data.value?.find((o) => o.id === officeId.value)?.timeZone ?? ownZone.value,
  )
  /** "8 September 2024 pukul 23.59 WIB", or its date or time only; a dash for nothing. */
  const format = (instant: Date | null | undefined, part: ZonedPart = 'datetime') =>
    instant ? formatInZone(instant, zone.value, locale.value as Locale, part) : '—'
  /** The office's calendar day now, `YYYY-MM-DD`. */
  const today = () => localDay(new Date(), zone.value)
  return { zone, ownZone, format, today }
}
