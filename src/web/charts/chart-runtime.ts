/**
 * ECharts, loaded once on demand instead of with the app: a third of the app's code, needed only by the pages that
 * draw a chart, and not by a server's first answer (docs/adr/0008-bundled-build.md). Only the pieces the charts
 * use are registered: each setOption walks every registered component type.
 */
type ECharts = typeof import('echarts/core');

let runtime: ECharts | undefined;
let loading: Promise<ECharts> | undefined;

/** Loads ECharts with the bar and line charts, the grid, the legend and the SVG renderer; once per process. */
export function loadChartRuntime(): Promise<ECharts> {
  loading ??= (async () => {
    const [echarts, bar, line, grid, legend, svg] = await Promise.all([
      import('echarts/core'),
      import('echarts/lib/chart/bar/install.js'),
      import('echarts/lib/chart/line/install.js'),
      import('echarts/lib/component/grid/install.js'),
      import('echarts/lib/component/legend/install.js'),
      import('echarts/lib/renderer/installSVGRenderer.js'),
    ]);
    echarts.use([bar.install, line.install, grid.install, legend.install, svg.install]);
    runtime = echarts;
    return echarts;
  })();
  loading.catch(() => {
    loading = undefined; // a failed load is tried again by the next page
  });
  return loading;
}

/** ECharts once loadChartRuntime has resolved: rendering is synchronous, so pages load it before they render. */
export function chartRuntime(): ECharts {
  if (!runtime) throw new Error('ECharts is not loaded: await loadChartRuntime() before rendering a chart');
  return runtime;
}
