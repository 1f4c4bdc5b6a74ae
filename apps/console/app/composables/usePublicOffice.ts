import { lastDays, localDay, type DayRange, type PublicOffice } from '@mejabantu/domain'
import { keepPreviousData, useQuery } from '@tanstack/vue-query'

type Api = ReturnType<typeof useApi>
type Answer<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>
export type PublicLogPage = Answer<Api['public']['log']['query']>
export type PublicDailyCounts = Answer<Api['public']['daily']['query']>['days']

/** Lines per page of the public log. */
export const PUBLIC_LOG_PAGE_SIZE = 20

/** Every office the public may look up, cached for the whole visit. */
export function usePublicOffices() {
  const api = useApi()
  return useQuery({
    queryKey: ['public.offices'],
    queryFn: () => api.public.offices.query(),
    staleTime: 300_000,
  })
}

/** Today in the office's own zone, whatever the visitor's device says. */
export const officeToday = (office: Pick<PublicOffice, 'timeZone'>) => localDay(new Date(), office.timeZone)

/** The quick picks of a public page: today, the last 7 days, the last 30 days. */
export const QUICK_PERIODS = [1, 7, 30] as const
export type QuickPeriod = (typeof QUICK_PERIODS)[number]

// The period is empty until the office, and with it its time zone's "today", is known.
const known = (period: DayRange) => period.from !== '' && period.to !== ''

/** A period's published figures of one office. */
export function usePublicSummary(regionCode: Ref<string>, period: Ref<DayRange>) {
  const api = useApi()
  return useQuery(
    computed(() => ({
      queryKey: ['public.summary', regionCode.value, period.value.from, period.value.to],
      queryFn: () => api.public.summary.query({ regionCode: regionCode.value, ...period.value }),
      enabled: known(period.value),
      placeholderData: keepPreviousData,
    })),
  )
}

/** A period's daily counts of one office, for its chart. */
export function usePublicDaily(regionCode: Ref<string>, period: Ref<DayRange>) {
  const api = useApi()
  return useQuery(
    computed(() => ({
      queryKey: ['public.daily', regionCode.value, period.value.from, period.value.to],
      queryFn: () => api.public.daily.query({ regionCode: regionCode.value, ...period.value }),
      enabled: known(period.value),
    })),
  )
}

/** One page of an office's anonymised log over a period. */
export function usePublicLog(regionCode: Ref<string>, period: Ref<DayRange>, page: Ref<number>) {
  const api = useApi()
  return useQuery(
    computed(() => ({
      queryKey: ['public.log', regionCode.value, period.value.from, period.value.to, page.value],
      queryFn: () =>
        api.public.log.query({
          regionCode: regionCode.value,
          ...period.value,
          page: page.value,
          pageSize: PUBLIC_LOG_PAGE_SIZE,
        }),
      enabled: known(period.value),
      placeholderData: keepPreviousData,
    })),
  )
}

/** The last `days` days of an office, today included. */
export const recentPeriod = (office: Pick<PublicOffice, 'timeZone'>, days: number) =>
  lastDays(officeToday(office), days)
