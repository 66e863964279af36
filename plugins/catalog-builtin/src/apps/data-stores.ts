/** @module Built-in data stores: Redis, MySQL, MongoDB, InfluxDB, ElasticSearch. */
import { app, host, role, text } from "../build"

const master = role({
  name: "master",
  label: text("主节点", "Master"),
  image: "redis:7.2.4",
  ports: [
    { name: "redis", port: 6379 },
    { name: "bus", port: 16379 }
  ],
  args: ["/etc/redis/redis.conf"],
  command: ["redis-server"],
  readiness: { check: { exec: { command: ["redis-cli", "ping"] } }, periodSeconds: 5 },
  liveness: { check: { tcp: { port: 6379 } }, initialDelaySeconds: 15 },
  volumes: [{ name: "data", mountPath: "/data", sizeMiB: 2048 }],
  resources: { cpu: 1, memoryMiB: 1024 },
  replicas: 3
})

/** The seed's first walkthrough: 1 GiB, 1 core, 3 masters, priority 0. */
export const redis = app({
  name: "redis",
  title: "Redis",
  version: "7.2.4",
  icon: "Rd",
  description: text(
    "开源的内存键值数据库,支持字符串、哈希、列表、集合等数据结构;以集群模式运行,数据按槽分布在各主节点上。",
    "In-memory key-value store with strings, hashes, lists and sets; runs in cluster mode with slots spread over its masters."
  ),
  tags: ["database", "cache", "nosql"],
  roles: [master],
  replicas: { master: { replicas: text("主节点数量", "Masters"), maxReplicas: 15 } },
  extraFields: [
    {
      key: "maxmemoryPolicy",
      type: "enum",
      label: text("内存淘汰策略", "Eviction policy"),
      default: "allkeys-lru",
      options: ["noeviction", "allkeys-lru", "volatile-lru", "allkeys-random", "volatile-ttl"]
    }
  ],
  configFiles: [
    {
      name: "redis.conf",
      mountPath: "/etc/redis",
      content:
        "cluster-enabled yes\ncluster-config-file /data/nodes.conf\nappendonly yes\nmaxmemory {{values.master.memory}}mb\nmaxmemory-policy {{values.maxmemoryPolicy}}\n"
    }
  ],
  exports: [{ name: "uri", value: `redis://${host("master")}:6379` }]
})

export const mysql = app({
  name: "mysql",
  title: "MySQL",
  version: "8.0.36",
  vendor: "Oracle",
  icon: "My",
  description: text(
    "关系型数据库,常用作 Metastore、WordPress 等应用的后端存储。",
    "Relational database, the store behind Metastore, WordPress and others."
  ),
  tags: ["database", "sql"],
  roles: [
    role({
      name: "server",
      label: text("服务器", "Server"),
      image: "mysql:8.0.36",
      ports: [{ name: "mysql", port: 3306 }],
      env: [{ name: "MYSQL_ROOT_PASSWORD", value: "{{secrets.root-password}}" }],
      readiness: { check: { tcp: { port: 3306 } }, periodSeconds: 5 },
      volumes: [{ name: "data", mountPath: "/var/lib/mysql", sizeMiB: 10240 }],
      resources: { cpu: 1, memoryMiB: 2048 }
    })
  ],
  replicas: { server: { replicas: false } },
  secrets: [{ name: "root-password", length: 24 }],
  exports: [
    { name: "host", value: host("server") },
    { name: "uri", value: `mysql://${host("server")}:3306` },
    { name: "user", value: "root" },
    { name: "password", value: "{{secrets.root-password}}", secret: true }
  ]
})

export const mongodb = app({
  name: "mongodb",
  title: "MongoDB",
  version: "7.0.12",
  vendor: "MongoDB",
  icon: "Mg",
  description: text("文档数据库,以副本集运行。", "Document database, run as a replica set."),
  tags: ["database", "nosql"],
  roles: [
    role({
      name: "member",
      label: text("成员", "Member"),
      image: "mongo:7.0.12",
      command: ["mongod"],
      args: ["--replSet", "{{instance}}", "--bind_ip_all"],
      ports: [{ name: "mongodb", port: 27017 }],
      env: [
        { name: "MONGO_INITDB_ROOT_USERNAME", value: "root" },
        { name: "MONGO_INITDB_ROOT_PASSWORD", value: "{{secrets.root-password}}" }
      ],
      readiness: { check: { tcp: { port: 27017 } } },
      volumes: [{ name: "data", mountPath: "/data/db", sizeMiB: 10240 }],
      resources: { cpu: 1, memoryMiB: 2048 },
      replicas: 3
    })
  ],
  secrets: [{ name: "root-password", length: 24 }],
  exports: [
    { name: "uri", value: `mongodb://${host("member")}:27017/?replicaSet={{instance}}` },
    { name: "password", value: "{{secrets.root-password}}", secret: true }
  ]
})

export const influxdb = app({
  name: "influxdb",
  title: "InfluxDB",
  version: "2.7.6",
  vendor: "InfluxData",
  icon: "Ix",
  description: text(
    "时间序列数据库,适合监控指标与物联网数据。",
    "Time-series database for metrics and IoT data."
  ),
  tags: ["database", "time-series"],
  roles: [
    role({
      name: "server",
      label: text("服务器", "Server"),
      image: "influxdb:2.7.6",
      ports: [{ name: "http", port: 8086 }],
      env: [
        { name: "DOCKER_INFLUXDB_INIT_MODE", value: "setup" },
        { name: "DOCKER_INFLUXDB_INIT_USERNAME", value: "admin" },
        { name: "DOCKER_INFLUXDB_INIT_PASSWORD", value: "{{secrets.admin-password}}" },
        { name: "DOCKER_INFLUXDB_INIT_ORG", value: "wharf" },
        { name: "DOCKER_INFLUXDB_INIT_BUCKET", value: "default" }
      ],
      readiness: { check: { http: { path: "/health", port: 8086 } } },
      volumes: [{ name: "data", mountPath: "/var/lib/influxdb2", sizeMiB: 10240 }],
      resources: { cpu: 1, memoryMiB: 1024 }
    })
  ],
  replicas: { server: { replicas: false } },
  secrets: [{ name: "admin-password", length: 24 }],
  links: [{ label: text("InfluxDB 控制台(8086)", "InfluxDB UI (8086)"), role: "server", port: 8086 }],
  exports: [{ name: "uri", value: `http://${host("server")}:8086` }]
})

export const elasticsearch = app({
  name: "elasticsearch",
  title: "ElasticSearch",
  version: "8.14.1",
  vendor: "Elastic",
  icon: "ES",
  description: text("分布式搜索与分析引擎。", "Distributed search and analytics engine."),
  tags: ["search", "analytics"],
  roles: [
    role({
      name: "node",
      label: text("节点", "Node"),
      image: "docker.elastic.co/elasticsearch/elasticsearch:8.14.1",
      ports: [
        { name: "http", port: 9200 },
        { name: "transport", port: 9300 }
      ],
      env: [
        { name: "cluster.name", value: "{{instance}}" },
        { name: "discovery.seed_hosts", value: "{{instance}}-node-hl.{{namespace}}.svc" },
        { name: "xpack.security.enabled", value: "false" },
        { name: "ES_JAVA_OPTS", value: "-Xms{{values.heapMiB}}m -Xmx{{values.heapMiB}}m" }
      ],
      readiness: {
        check: { http: { path: "/_cluster/health?local=true", port: 9200 } },
        initialDelaySeconds: 10
      },
      volumes: [{ name: "data", mountPath: "/usr/share/elasticsearch/data", sizeMiB: 20480 }],
      resources: { cpu: 2, memoryMiB: 4096 },
      replicas: 3
    })
  ],
  extraFields: [
    {
      key: "heapMiB",
      type: "memory",
      label: text("JVM 堆大小", "JVM heap"),
      default: 2048,
      min: 256,
      max: 32768,
      unit: text("MiB", "MiB")
    }
  ],
  links: [{ label: text("ElasticSearch(9200)", "ElasticSearch (9200)"), role: "node", port: 9200 }],
  exports: [{ name: "uri", value: `http://${host("node")}:9200` }]
})
