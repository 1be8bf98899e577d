import type { KpiId, KpiStatus } from './kpis.ts';

export type ReportLocale = 'en' | 'zh-CN';

type Texts = {
  /** `: ` in English, the full-width `：` in Chinese. */
  readonly colon: string;
  readonly title: string;
  readonly range: string;
  readonly previousRange: string;
  readonly timeZone: string;
  readonly services: string;
  readonly verdict: string;
  readonly verdicts: Readonly<Record<'ok' | 'warn' | 'bad', string>>;
  readonly status: Readonly<Record<KpiStatus, string>>;
  readonly slo: string;
  readonly noSlo: string;
  readonly service: string;
  readonly convention: string;
  readonly kpi: string;
  readonly thisRange: string;
  readonly lastRange: string;
  readonly change: string;
  readonly daily: string;
  readonly dailyCharts: string;
  readonly previousLine: string;
  readonly requestRate: string;
  readonly noData: string;
  readonly thresholds: string;
  readonly thresholdNote: string;
  readonly meanNote: string;
  readonly weekdays: readonly string[];
  readonly kpis: Readonly<Record<KpiId, string>>;
};

const en: Texts = {
  colon: ': ',
  title: 'Weekly service report',
  range: 'Range',
  previousRange: 'Compared with',
  timeZone: 'Time zone',
  services: 'Services',
  verdict: 'Overall verdict',
  verdicts: {
    ok: 'all KPIs within thresholds',
    warn: 'some KPIs near their thresholds',
    bad: 'KPIs breach their thresholds',
  },
  status: { ok: 'ok', warn: 'warning', bad: 'breach', none: '', 'no-data': 'no data' },
  slo: 'Request success objective',
  noSlo: 'no SLO configured (error budget not shown)',
  service: 'Service',
  convention: 'metric convention',
  kpi: 'KPI',
  thisRange: 'This range',
  lastRange: 'Previous',
  change: 'Change',
  daily: 'Per day',
  dailyCharts: 'Daily values (dashed: previous range)',
  previousLine: 'previous range',
  requestRate: 'Request rate over the range (requests per second)',
  noData: 'no data',
  thresholds: 'Thresholds (same as the dashboards)',
  thresholdNote:
    "Arrows show the change from the previous range, coloured by the threshold status of this range's value.",
  meanNote: "This service's metrics have no latency histogram: latency is the mean, not the 95th percentile.",
  weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  kpis: {
    availability: 'Availability',
    error_ratio: 'Error ratio (5xx)',
    latency_p95_seconds: 'Latency P95',
    latency_mean_seconds: 'Latency (mean, no histogram)',
    requests_total: 'Requests',
    peak_rps: 'Peak requests/s',
    goroutines_max: 'Goroutines (max)',
    goroutine_growth: 'Goroutine growth',
    open_fds_max: 'Open file descriptors (max)',
    memory_max_bytes: 'Resident memory (max)',
    error_budget_left: 'Error budget left',
  },
};

const zhCN: Texts = {
  colon: '：',
  title: '服务周报',
  range: '时间范围',
  previousRange: '对比时段',
  timeZone: '时区',
  services: '服务',
  verdict: '总体结论',
  verdicts: { ok: '全部指标均在阈值内', warn: '部分指标接近阈值', bad: '有指标超出阈值' },
  status: { ok: '正常', warn: '警告', bad: '超标', none: '', 'no-data': '无数据' },
  slo: '请求成功率目标',
  noSlo: '未配置 SLO（不显示错误预算）',
  service: '服务',
  convention: '指标约定',
  kpi: '指标',
  thisRange: '本期',
  lastRange: '上期',
  change: '环比',
  daily: '每日数值',
  dailyCharts: '每日数值（虚线为上期）',
  previousLine: '上期',
  requestRate: '本期请求速率（每秒请求数）',
  noData: '无数据',
  thresholds: '阈值（与仪表盘一致）',
  thresholdNote: '箭头表示相对上期的变化，颜色按本期数值的阈值状态着色。',
  meanNote: '该服务的指标没有延迟直方图：延迟为平均值，而非第 95 百分位。',
  weekdays: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  kpis: {
    availability: '可用性',
    error_ratio: '错误率（5xx）',
    latency_p95_seconds: 'P95 延迟',
    latency_mean_seconds: '平均延迟（无直方图）',
    requests_total: '请求总数',
    peak_rps: '峰值每秒请求数',
    goroutines_max: '最大协程数',
    goroutine_growth: '协程增长',
    open_fds_max: '最大打开文件描述符',
    memory_max_bytes: '最大常驻内存',
    error_budget_left: '剩余错误预算',
  },
};

export const REPORT_TEXTS: Readonly<Record<ReportLocale, Texts>> = { en, 'zh-CN': zhCN };
