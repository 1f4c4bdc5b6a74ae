import type { Page } from 'playwright-core'
import { passPriority, typeOnPad } from './kiosk-page.ts'
import type { Api } from './staff.ts'

/** The rating link of a closing message: the full address under PUBLIC_URL. */
export function ratingLinkIn(text: string): string {
  const link = text.match(/https?:\/\/\S+\/nilai\/[A-Za-z0-9_-]+/)?.[0]
  if (!link) throw new Error(`no rating link in:\n${text}`)
  return link
}

/** Answers a sheet and closes it, as the desk does; closing opens the asker's rating. */
export async function answerAndClose(api: Api, id: string, answer = 'Sudah dijawab di meja layanan.') {
  await api.consultations.answer.mutate({ id, answer })
  return api.consultations.close.mutate({ id })
}

/**
 * A returning visitor at the kiosk from the welcome screen through consent, by phone: what comes after
 * (their rating step or the ticket) is the test's to check.
 */
export async function checkInReturning(page: Page, phone: string, topic = 'silon') {
  await page.getByTestId('returning').click()
  await page.getByTestId('step-lookup').waitFor()
  await typeOnPad(page, phone)
  await page.getByTestId('next').click()
  await page.getByTestId('step-lookup-confirm').waitFor()
  await page.getByTestId('next').click()
  await page.getByTestId('step-category').waitFor()
  await page.getByTestId('category-lo').click()
  await page.getByTestId('step-purpose').waitFor()
  await page.getByTestId(`topic-${topic}`).click()
  await page.getByTestId('next').click()
  await passPriority(page)
  await page.getByTestId('step-consent').waitFor()
  await page.getByTestId('consent-body').waitFor()
  await page.getByTestId('consent-accept').check()
  await page.getByTestId('next').click()
}
