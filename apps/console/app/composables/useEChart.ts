import type { EChartsCoreOption } from 'echarts/core'
import type { Ref } from 'vue'

/**
 * Draws an ECharts option into an element once it is mounted, redraws when the option changes, follows
 * the element's size (a panel may still be laying itself out when the chart starts) and disposes of the
 * chart with the component.
 */
export function useEChart(el: Readonly<Ref<HTMLElement | null>>, option: Readonly<Ref<EChartsCoreOption>>) {
  let instance: ReturnType<typeof initChart> | undefined
  const sizes = import.meta.client ? new ResizeObserver(() => instance?.resize()) : undefined
  watch(
    el,
    (node) => {
      if (!node || instance) return
      instance = initChart(node)
      instance.setOption(option.value)
      sizes?.observe(node)
    },
    { immediate: true, flush: 'post' },
  )
  watch(option, (next) => instance?.setOption(next, { notMerge: true }))
  onBeforeUnmount(() => {
    sizes?.disconnect()
    instance?.dispose()
  })
}
