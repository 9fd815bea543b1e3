// ECharts ships no types for its per-piece install modules; each exports the installer `use()` takes.
type EChartsInstaller = Exclude<Parameters<typeof import('echarts/core').use>[0], unknown[]>;
declare module 'echarts/lib/chart/bar/install.js' {
  export const install: EChartsInstaller;
}
declare module 'echarts/lib/component/grid/install.js' {
  export const install: EChartsInstaller;
}
declare module 'echarts/lib/component/legend/install.js' {
  export const install: EChartsInstaller;
}
declare module 'echarts/lib/renderer/installSVGRenderer.js' {
  export const install: EChartsInstaller;
}
declare module 'echarts/lib/chart/line/install.js' {
  export const install: EChartsInstaller;
}
