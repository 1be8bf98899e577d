import type { AlertTextKey } from './texts-en.ts';

/** 简体中文告警文本。`{name}` 在构建时填入；`{{ … }}` 是告警触发时由 Prometheus 填入的 Go 模板。 */
export const alertTextsZhCN: Readonly<Record<AlertTextKey, string>> = {
  fastPage:
    '快速告警：不设 `for`，评估间隔 {interval}，故障出现后经过一次抓取加一次评估即送达 Alertmanager（抓取间隔 5 s、group_wait 0s 时端到端 15 s 内）。',
  'targetDown.summary': '{{ $labels.job }} 的实例 {{ $labels.instance }} 已宕机',
  'targetDown.description':
    'Prometheus 无法抓取 job {{ $labels.job }} 的 {{ $labels.instance }}（up = {{ $value }}）：进程已退出、卡死或不可达，它本应处理的请求全部失败。',
  'targetMissing.summary': 'job {{ $labels.job }} 没有任何被抓取的目标',
  'targetMissing.description':
    'Prometheus 中完全没有 job {{ $labels.job }} 的 up 序列：服务已从服务发现中消失或从未部署，它的其他告警都无法触发。',
  'errorRatio.summary': '{{ $labels.job }} 有 {{ $value | humanizePercentage }} 的请求返回 5xx',
  'errorRatio.description':
    'job {{ $labels.job }} 最近 {window} 内 5xx 占全部请求的 {{ $value | humanizePercentage }}，超过评审阈值 {threshold}。用户正在遇到失败。',
  'latencyP95.summary': '{{ $labels.job }} 的 P95 延迟为 {{ $value | humanize }}s',
  'latencyP95.description':
    'job {{ $labels.job }} 最近 {window} 内请求耗时的第 95 百分位为 {{ $value | humanize }}s，超过 {threshold} s 的 SLO：每二十个请求中就有一个比承诺的慢。',
  'latencyMean.summary': '{{ $labels.job }} 的平均延迟为 {{ $value | humanize }}s',
  'latencyMean.description':
    'job {{ $labels.job }} 最近 {window} 内的平均请求耗时为 {{ $value | humanize }}s，超过 {threshold} s。"{convention}" 指标没有延迟直方图，因此本告警监控平均值（_sum / _count）而非 P95；平均值会掩盖慢请求。',
  'inFlight.summary': '{{ $labels.instance }} 同时处理 {{ $value | humanize }} 个请求',
  'inFlight.description':
    'job {{ $labels.job }} 的 {{ $labels.instance }} 有 {{ $value | humanize }} 个进行中的请求，超过 {threshold}：请求开始排队，延迟上升。',
  'goroutineLeak.summary': '{{ $labels.instance }} 的 goroutine 持续增长',
  'goroutineLeak.description':
    '{{ $labels.instance }}（job {{ $labels.job }}）的 goroutine 在 {window} 内平均每秒增加 {{ $value | humanize }} 个，并持续 {for} 没有停止。突发后回落的峰值在窗口内被平均掉；持续攀升才是 goroutine 泄漏（阻塞的发送、缺少 cancel、未关闭的 body）。工单级：天然较慢。',
  'fdsRunningOut.summary': '{{ $labels.instance }} 将在 {horizon} 内耗尽文件描述符',
  'fdsRunningOut.description':
    '按 {window} 内的趋势（predict_linear）外推 {horizon}，{{ $labels.instance }}（job {{ $labels.job }}）打开的文件描述符将达到 {{ $value | humanize }}，达到或超过 process_max_fds。套接字或文件没有关闭；到达上限后服务会拒绝连接。工单级：天然较慢。',
  'memoryGrowth.summary': '{{ $labels.instance }} 的常驻内存持续增长',
  'memoryGrowth.description':
    '按 {window} 内的趋势外推 {horizon}，{{ $labels.instance }}（job {{ $labels.job }}）的常驻内存将是现在的 {{ $value | humanize }} 倍（阈值 {threshold}），已持续 {for}。流量平稳而内存增长，可能是内存泄漏。工单级：天然较慢。',
  'gcPressure.summary': '{{ $labels.instance }} 每秒进行 {{ $value | humanize }} 次垃圾回收',
  'gcPressure.description':
    '{{ $labels.instance }}（job {{ $labels.job }}）在 {window} 内每秒运行 {{ $value | humanize }} 次 GC，已持续 {for}。Go 的 pacer（GOGC=100）在堆增长一个存活堆大小时启动一轮 GC，且至少每 2 分钟强制一次，健康的服务每分钟几次到每秒几次；超过每秒 {threshold} 次说明服务产生短命垃圾的速度过快，或已贴近 GOMEMLIMIT，GC 工作（标记阶段最多占 25 % CPU，外加每个分配内存的 goroutine 的辅助回收）在抢占请求的 CPU。工单级：天然较慢。',
  'sloPage.summary': '{{ $labels.job }} 正在快速消耗 {slo} 错误预算',
  'sloPage.description':
    'job {{ $labels.job }} 的 {slo} SLO（{period} 内 {objective}）正在消耗错误预算：长窗口内 {{ $value | humanizePercentage }} 的请求是坏请求，1h 与 5m 窗口内至少为可持续速率的 {fastFactor} 倍，或 6h 与 30m 窗口内至少 {slowFactor} 倍。按此速度预算将在 {daysLeft} 天内耗尽。呼叫级：各窗口记录在本告警所在的规则组中，两个窗口都越过阈值后的第一次评估即触发；但对已有一小时流量的服务，1h 窗口要在连续 {outage} 全部为坏请求之后才会越过阈值。',
  'sloTicket.summary': '{{ $labels.job }} 正在消耗 {slo} 错误预算',
  'sloTicket.description':
    'job {{ $labels.job }} 的 {slo} SLO（{period} 内 {objective}）正在稳定地消耗错误预算：长窗口内 {{ $value | humanizePercentage }} 的请求是坏请求，1d 与 2h 窗口内至少为可持续速率的 {fastFactor} 倍，或 3d 与 6h 窗口内至少 {slowFactor} 倍。工单级：天然较慢。',
  'slo.availability': '可用性',
  'slo.latency': '延迟',
  'note.noLatencySlo':
    'job {job} 没有延迟 SLO："{convention}" 指标没有延迟直方图（gin 的耗时是不带分位数的 summary），无法统计低于阈值的请求占比。延迟面板出于同样原因显示平均值。',
  'note.noInFlight':
    'job {job} 没有进行中请求告警："{convention}" 指标没有 in-flight 仪表；可用 {convention}({ metrics: { inFlight: \'<gauge>\' } }) 指定。',
  'note.meanLatency': 'job {job} 的延迟告警监控平均耗时而非 P95："{convention}" 指标没有延迟直方图。',
  'note.noCases':
    'job {job} 没有生成的单元测试：instance 匹配器是正则，panelcraft 无法为它构造匹配的值；请用 alertTest() 编写测试。',
};
