/**
 * @module The judged query set: what users type, and the demo articles (by key, see
 * plugins/knowledge-base/demo/generate.ts) that must rank in the first five results. English
 * phrases, Chinese without spaces, mixed text, prefixes, typos, and filters.
 */

export interface JudgedQuery {
  readonly q: string
  readonly must: ReadonlyArray<string>
  readonly product?: string
  readonly version?: string
  readonly locale?: "zh-CN" | "en"
  readonly tag?: string
}

export const judged: ReadonlyArray<JudgedQuery> = [
  // English phrases: error messages as users paste them.
  { q: "Cannot get a connection", must: ["inceptor-connection-1-en", "inceptor-connection-3-en"] },
  { q: "Connection refused", must: ["hdfs-connection-1-en"] },
  { q: "Failed to update metadata", must: ["kafka-connection-1-en"] },
  { q: "ConnectionLoss", must: ["zookeeper-connection-1-en"] },
  { q: "Could not get a resource from the pool", must: ["redis-connection-1-en"] },
  { q: "None of the configured nodes are available", must: ["elasticsearch-connection-1-en"] },
  { q: "Could not connect to meta store", must: ["metastore-connection-1-en"] },
  { q: "HBase OutOfMemoryError", must: ["hbase-memory-1-en"] },
  { q: "Kafka quota exceeded", must: ["kafka-quota-1-en"] },
  { q: "upgrade checklist Yarn", must: ["yarn-upgrade-3-en"] },
  { q: "offline installation Elasticsearch", must: ["elasticsearch-installation-3-en"] },
  { q: "Inceptor does not start after upgrading", must: ["inceptor-upgrade-1-en"] },
  { q: "upgrade HBase without downtime", must: ["hbase-upgrade-2-en"] },
  { q: "memory setting ZooKeeper", must: ["zookeeper-memory-2-en"] },
  { q: "DSQuotaExceededException", must: ["hdfs-quota-1-en"] },
  { q: "Kafka installation pre-check", must: ["kafka-installation-1-en"] },
  {
    q: "Kubernetes namespace resource quota",
    must: ["kubernetes-quota-1-en", "kubernetes-quota-2-en", "kubernetes-quota-3-en"]
  },
  // Typos.
  { q: "conection refused hdfs", must: ["hdfs-connection-1-en"] },
  { q: "kafak metadata", must: ["kafka-connection-1-en"] },
  { q: "upgarde checklist redis", must: ["redis-upgrade-3-en"] },
  { q: "elasticsaerch shards", must: ["elasticsearch-quota-1-en"] },
  { q: "zookeper connection loss", must: ["zookeeper-connection-1-en"] },
  { q: "memroy tuning yarn", must: ["yarn-memory-2-en"] },
  // Prefixes, as typed so far.
  { q: "offline elastic", must: ["elasticsearch-installation-3-en"] },
  { q: "metast partitions", must: ["metastore-quota-1-en"] },
  { q: "regionserv memory", must: ["hbase-memory-1-en", "hbase-memory-2-en"] },
  { q: "kuber quota", must: ["kubernetes-quota-1-en"] },
  // Mixed Chinese and English.
  { q: "Inceptor 连接失败", must: ["inceptor-connection-1-zh"] },
  { q: "HBase 内存溢出", must: ["hbase-memory-1-zh"] },
  { q: "Kafka 配额", must: ["kafka-quota-1-zh", "kafka-quota-2-zh", "kafka-quota-3-zh"] },
  { q: "Redis 离线安装", must: ["redis-installation-3-zh"] },
  { q: "Yarn 升级检查清单", must: ["yarn-upgrade-3-zh"] },
  { q: "OutOfMemoryError Metastore", must: ["metastore-memory-1-en", "metastore-memory-1-zh"] },
  { q: "ZooKeeper 防火墙", must: ["zookeeper-connection-1-zh", "zookeeper-connection-2-zh"] },
  { q: "不停机升级 HDFS", must: ["hdfs-upgrade-2-zh"] },
  { q: "Elasticsearch 堆转储", must: ["elasticsearch-memory-1-zh"] },
  { q: "Kafka GC 停顿", must: ["kafka-memory-2-zh"] },
  { q: "HDFS 多租户配额规划", must: ["hdfs-quota-3-zh"] },
  // Chinese without spaces, some narrowed by filters.
  { q: "无法获取连接", must: ["inceptor-connection-1-zh"] },
  { q: "连接失败", product: "TOS", must: ["kubernetes-connection-1-zh", "redis-connection-1-zh"] },
  { q: "内存溢出", product: "TOS", must: ["kubernetes-memory-1-zh", "redis-memory-1-zh"] },
  { q: "升级后无法启动", product: "TOS", must: ["kubernetes-upgrade-1-zh", "redis-upgrade-1-zh"] },
  { q: "离线安装包", product: "TOS", must: ["kubernetes-installation-3-zh", "redis-installation-3-zh"] },
  { q: "配额使用情况", product: "TOS", must: ["kubernetes-quota-2-zh", "redis-quota-2-zh"] },
  { q: "时间同步", product: "TOS", must: ["kubernetes-installation-1-zh", "redis-installation-1-zh"] },
  { q: "滚动升级", tag: "redis", must: ["redis-upgrade-1-zh", "redis-upgrade-2-zh"] },
  // Filters on English text.
  {
    q: "connection",
    product: "TOS",
    version: "1.9",
    locale: "en",
    must: ["kubernetes-connection-1-en", "redis-connection-1-en"]
  },
  { q: "quota", tag: "hdfs", locale: "en", must: ["hdfs-quota-1-en", "hdfs-quota-2-en", "hdfs-quota-3-en"] }
]
