import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/**
 * Script a careless paste or a hostile visitor may type into a free-text field. Each one sets
 * `window.__xss` if it ever runs, so a page that shows them all as typed and still has no `__xss` is safe.
 */
export const XSS = {
  img: '<img src=x onerror="window.__xss=(window.__xss||0)+1">',
  script: '<script>window.__xss=1</script>',
  svg: '"><svg onload=window.__xss=1>',
  /** For fields that look like addresses: a contact, a document reference. */
  url: 'javascript:window.__xss=1',
  /** Vue template syntax: only a page that compiled data as a template would run it. */
  template: "{{ constructor.constructor('window.__xss=1')() }}",
  /** Long texts: a page that rendered Markdown or HTML would make a heading, a link and handlers of it. */
  markup: [
    '# Jawaban **penting**',
    '[PKPU 8/2024](javascript:window.__xss=1) ![foto](x)',
    '<details open ontoggle="window.__xss=1"><summary>rincian</summary></details>',
    '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  ].join('\n'),
} as const

/** Whether `text` is on the page as visible text, whitespace aside (long texts keep their line breaks). */
function shownAsText(text: string): boolean {
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim()
  const wanted = squash(text)
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (squash(node.textContent ?? '').includes(wanted) && node.parentElement?.checkVisibility()) return true
  }
  return false
}

/**
 * Elements only a payload could have made: the apps never write inline handlers, `javascript:` addresses,
 * `srcdoc` frames, scripts mentioning `__xss` or an image of `x`. Attributes such as alt or placeholder
 * may hold a payload: there it is inert text.
 */
function injectedElements(): string[] {
  const dangerous = (a: Attr) =>
    a.name.startsWith('on') ||
    a.name === 'srcdoc' ||
    (/^(href|src|action|formaction|xlink:href)$/.test(a.name) && /^\s*javascript:/i.test(a.value))
  return [...document.querySelectorAll('*')]
    .filter(
      (el) =>
        [...el.attributes].some(dangerous) ||
        (el.localName === 'script' && (el.textContent ?? '').includes('__xss')) ||
        el.matches('img[src="x"]'),
    )
    .map((el) => el.outerHTML.slice(0, 160))
}

/**
 * The page shows every text in `shown` literally (so the check cannot pass by leaving a field out), holds
 * no element made from a payload, and no payload has run.
 */
export async function expectInert(page: Page, shown: readonly string[]) {
  for (const text of shown) {
    await expect
      .poll(() => page.evaluate(shownAsText, text), { message: `shown as text: ${text}` })
      .toBe(true)
  }
  expect(await page.evaluate(injectedElements)).toEqual([])
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined()
}

/** Records every alert, confirm or prompt a page opens (dismissing it, so the page goes on). */
export function watchDialogs(page: Page): string[] {
  const opened: string[] = []
  page.on('dialog', (dialog) => {
    opened.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
  return opened
}
