import { mergeReportContents, periodChunks, periodDays, type ReportPeriod } from '@mejabantu/domain'
import { useQuery, useQueryClient } from '@tanstack/vue-query'
import type { ReportContent } from '~/types/api'

type Api = ReturnType<typeof useApi>

/** Ranges longer than this compile month by month, so the page can show how far it has come. */
const CHUNK_DAYS = 31

/**
 * A draft report compiled in chunks of a month: the summaries merge exactly (the domain's mergeable
 * summaries), so a year's roll-up arrives piece by piece with a progress figure instead of one long wait.
 */
export function useReportDraft() {
  const api = useApi()
  const { officeId } = useOfficeScope()
  const content = shallowRef<ReportContent>()
  const progress = ref<{ done: number; of: number }>()
  const error = shallowRef<unknown>()
  let run = 0

  async function compile(period: ReportPeriod) {
    const mine = ++run
    error.value = undefined
    const chunks = periodDays(period) > CHUNK_DAYS ? periodChunks(period, CHUNK_DAYS) : [period]
    progress.value = { done: 0, of: chunks.length }
    const parts: ReportContent[] = []
    try {
      for (const chunk of chunks) {
        const part = await api.reports.draft.query({ ...chunk, officeId: officeId.value })
        if (mine !== run) return
        parts.push(part)
        progress.value = { done: parts.length, of: chunks.length }
      }
      content.value = mergeReportContents(parts)
    } catch (e) {
      if (mine === run) error.value = e
    } finally {
      if (mine === run) progress.value = undefined
    }
  }

  return { content, progress, error, compile, officeId }
}

/** The finalised reports of the office in scope and the inbox of reports sent to the user's office. */
export function useReportLists() {
  const api = useApi()
  const { officeId } = useOfficeScope()
  const own = useQuery({
    queryKey: computed(() => ['reports.list', officeId.value]),
    queryFn: () => api.reports.list.query({ officeId: officeId.value, pageSize: 50 }),
  })
  const inbox = useQuery({
    queryKey: ['reports.inbox'],
    queryFn: () => api.reports.inbox.query({ pageSize: 50 }),
  })
  return { own, inbox }
}

/** Downloads a report file the server generates, as the browser's own download. */
export function useReportDownload() {
  const api = useApi()
  const notify = useNotify()
  const { locale } = useI18n()
  const busy = ref<'pdf' | 'xlsx'>()
  async function download(
    source: { id: string } | (ReportPeriod & { officeId?: string }),
    format: 'pdf' | 'xlsx',
  ) {
    busy.value = format
    try {
      downloadBase64File(
        await api.reports.export.query({ source, format, locale: locale.value as 'id' | 'en' }),
      )
    } catch (e) {
      notify.failed(e)
    } finally {
      busy.value = undefined
    }
  }
  return { busy, download }
}

/** Finalising and sending, refreshing the lists after. */
export function useReportActions(api: Api = useApi()) {
  const client = useQueryClient()
  const refresh = () => client.invalidateQueries({ queryKey: ['reports.list'] })
  return {
    finalise: async (period: ReportPeriod) => {
      const record = await api.reports.finalise.mutate(period)
      await refresh()
      return record
    },
    send: async (id: string) => {
      const record = await api.reports.send.mutate({ id })
      await refresh()
      await client.invalidateQueries({ queryKey: ['reports.get', id] })
      return record
    },
  }
}
