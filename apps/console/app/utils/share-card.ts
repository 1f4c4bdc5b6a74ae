import { initChart } from './echarts'

/** What a share card shows, already in the reader's language. */
export interface ShareCardContent {
  heading: string
  period: string
  figures: { label: string; value: string }[]
  chartTitle: string
  bars: { label: string; value: number; color: string }[]
  footer: string
}

/** The size social networks show a link image at without cropping (Open Graph). */
export const SHARE_CARD_SIZE = { width: 1200, height: 630 } as const

const ink = '#18181b'
const muted = '#52525b'
const accent = '#16a34a'
const font = 'system-ui, sans-serif'

const text = (left: number, top: number, value: string, fontSize: number, fill: string, bold = false) => ({
  type: 'text' as const,
  left,
  top,
  style: {
    text: value,
    fontSize,
    fontWeight: bold ? 600 : 400,
    fontFamily: font,
    fill,
    width: 1080,
    overflow: 'truncate' as const,
  },
})

function cardOption(card: ShareCardContent) {
  const figures = card.figures.flatMap((figure, i) => [
    text(60, 190 + i * 120, figure.label, 24, muted),
    text(60, 222 + i * 120, figure.value, 52, ink, true),
  ])
  return {
    animation: false,
    backgroundColor: '#ffffff',
    graphic: [
      {
        type: 'rect',
        shape: { x: 0, y: 0, width: SHARE_CARD_SIZE.width, height: 14 },
        style: { fill: accent },
      },
      text(60, 52, card.heading, 40, ink, true),
      text(60, 110, card.period, 28, muted),
      ...figures,
      text(640, 190, card.chartTitle, 24, muted),
      text(60, 580, card.footer, 20, muted),
    ],
    grid: { left: 640, right: 60, top: 236, bottom: 70, containLabel: true },
    xAxis: { type: 'value', show: false, minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: card.bars.map((bar) => bar.label),
      axisLabel: { fontSize: 20, color: ink, fontFamily: font },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 40,
        label: { show: true, position: 'right', fontSize: 22, color: ink, fontFamily: font },
        data: card.bars.map((bar) => ({ value: bar.value, itemStyle: { color: bar.color } })),
      },
    ],
  }
}

/**
 * Draws the card off screen with the console's ECharts and returns it as a PNG data URL, 1200×630 whatever
 * the screen's pixel density, ready to download or post.
 */
export function renderShareCard(card: ShareCardContent): string {
  const host = document.createElement('div')
  const chart = initChart(host, undefined, { ...SHARE_CARD_SIZE, renderer: 'canvas', devicePixelRatio: 1 })
  try {
    chart.setOption(cardOption(card))
    return chart.getDataURL({ type: 'png', pixelRatio: 1, backgroundColor: '#ffffff' })
  } finally {
    chart.dispose()
  }
}
