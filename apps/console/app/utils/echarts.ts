// Only the pieces the console draws (bar charts, and text on the share card), not all of ECharts.
import { BarChart } from 'echarts/charts'
import { GraphicComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { init, use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

use([BarChart, GraphicComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

export { init as initChart }
