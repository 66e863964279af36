/**
 * @module One tag vocabulary with a label per language. Articles store the key ("faq");
 * readers see the label of their language (常见问题 / FAQ), so a Chinese and an English
 * article on the same topic share one tag, and the tag list has each topic once. An
 * editor may type a key or a label in either language; a tag outside the vocabulary is
 * kept as typed (lower case) and shown as is.
 */

export type TagLocale = "zh-CN" | "en"

const tagVocabulary: Readonly<Record<string, { readonly "zh-CN": string; readonly en: string }>> = {
  troubleshooting: { "zh-CN": "故障排查", en: "Troubleshooting" },
  faq: { "zh-CN": "常见问题", en: "FAQ" },
  "how-to": { "zh-CN": "操作指南", en: "How-to" },
  runbook: { "zh-CN": "运维手册", en: "Runbook" },
  checklist: { "zh-CN": "检查清单", en: "Checklist" },
  connection: { "zh-CN": "连接", en: "Connection" },
  network: { "zh-CN": "网络", en: "Network" },
  installation: { "zh-CN": "安装", en: "Installation" },
  offline: { "zh-CN": "离线", en: "Offline" },
  planning: { "zh-CN": "规划", en: "Planning" },
  quota: { "zh-CN": "配额", en: "Quota" },
  limits: { "zh-CN": "限制", en: "Limits" },
  "multi-tenant": { "zh-CN": "多租户", en: "Multi-tenant" },
  monitoring: { "zh-CN": "监控", en: "Monitoring" },
  operations: { "zh-CN": "运维", en: "Operations" },
  upgrade: { "zh-CN": "升级", en: "Upgrade" },
  "rolling-upgrade": { "zh-CN": "滚动升级", en: "Rolling upgrade" },
  memory: { "zh-CN": "内存", en: "Memory" },
  performance: { "zh-CN": "性能", en: "Performance" },
  tuning: { "zh-CN": "调优", en: "Tuning" },
  slow: { "zh-CN": "慢查询", en: "Slow queries" },
  storage: { "zh-CN": "存储", en: "Storage" },
  scheduler: { "zh-CN": "调度", en: "Scheduler" },
  queue: { "zh-CN": "队列", en: "Queue" },
  streaming: { "zh-CN": "流处理", en: "Streaming" },
  coordination: { "zh-CN": "协调服务", en: "Coordination" },
  metadata: { "zh-CN": "元数据", en: "Metadata" },
  search: { "zh-CN": "搜索", en: "Search" },
  container: { "zh-CN": "容器", en: "Container" },
  cache: { "zh-CN": "缓存", en: "Cache" }
}

const byLabel = new Map<string, string>()
for (const [key, labels] of Object.entries(tagVocabulary)) {
  byLabel.set(key, key)
  byLabel.set(labels["zh-CN"].toLowerCase(), key)
  byLabel.set(labels.en.toLowerCase(), key)
}

/** The stored form of a tag typed as a key or a label in either language. */
export const tagKey = (typed: string): string => {
  const t = typed.trim().toLowerCase()
  return byLabel.get(t) ?? t
}

/** What a reader of `locale` sees for a stored tag. */
export const tagLabel = (key: string, locale: string): string =>
  tagVocabulary[key]?.[locale === "en" ? "en" : "zh-CN"] ?? key
