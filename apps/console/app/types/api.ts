/** What the procedures return, as the typed client (`useApi()`) sees it. */
type Api = ReturnType<typeof useApi>
type Answer<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>

export type VisitView = Answer<Api['visits']['today']['query']>['visits'][number]
export type ConsultationDetail = Answer<Api['consultations']['get']['query']>
export type ConsultationRecord = ConsultationDetail['consultation']
export type ConsultationPage = Answer<Api['consultations']['list']['query']>
export type ConsultationListItem = ConsultationPage['items'][number]
export type QueueBoard = Answer<Api['queue']['board']['query']>
export type ElectionRecord = Answer<Api['elections']['list']['query']>[number]
export type PairSummary = Answer<Api['candidates']['list']['query']>[number]
export type DossierView = Answer<Api['candidates']['dossier']['query']>
export type DossierCheckView = DossierView['groups']['syarat_calon'][number]
export type ReportContent = Answer<Api['reports']['draft']['query']>
export type ReportRecord = Answer<Api['reports']['list']['query']>['items'][number]
export type FrozenReport = Answer<Api['reports']['get']['query']>
