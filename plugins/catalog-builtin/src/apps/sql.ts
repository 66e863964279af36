/** @module Built-in SQL on Hadoop: Metastore, Inceptor, HUE, Sqoop, and Monitor. */
import { app, host, role, text } from "../build"

export const metastore = app({
  name: "metastore",
  title: "Metastore",
  version: "4.0.0",
  vendor: "Apache",
  icon: "MS",
  description: text(
    "Hive Metastore:表与分区的元数据服务,元数据存放在 MySQL 中。",
    "Hive Metastore: table and partition metadata, kept in MySQL."
  ),
  tags: ["metadata", "sql", "tdh"],
  roles: [
    role({
      name: "server",
      label: text("服务器", "Server"),
      image: "apache/hive:4.0.0",
      workload: "Deployment",
      ports: [{ name: "thrift", port: 9083 }],
      env: [
        { name: "SERVICE_NAME", value: "metastore" },
        { name: "DB_DRIVER", value: "mysql" },
        {
          name: "HIVE_METASTORE_DB_URL",
          value: "jdbc:{{deps.mysql.uri}}/{{values.database}}?createDatabaseIfNotExist=true"
        },
        { name: "HIVE_METASTORE_DB_USER", value: "{{deps.mysql.user}}" },
        { name: "HIVE_METASTORE_DB_PASSWORD", value: "{{deps.mysql.password}}" }
      ],
      readiness: { check: { tcp: { port: 9083 } }, initialDelaySeconds: 10 },
      resources: { cpu: 1, memoryMiB: 2048 }
    })
  ],
  extraFields: [
    { key: "database", type: "string", label: text("MySQL 数据库名", "MySQL database"), default: "metastore" }
  ],
  dependencies: [{ app: "mysql", required: true }],
  exports: [{ name: "uri", value: `thrift://${host("server")}:9083` }]
})

export const monitor = app({
  name: "monitor",
  title: "Monitor",
  version: "2.53.0",
  vendor: "Wharf",
  icon: "Mo",
  description: text(
    "采集并保存应用的指标(Prometheus),供 Inceptor 等应用上报与查询。",
    "Collects and keeps apps' metrics (Prometheus), for Inceptor and others to report to and query."
  ),
  tags: ["monitoring", "tdh"],
  roles: [
    role({
      name: "server",
      label: text("服务器", "Server"),
      image: "prom/prometheus:v2.53.0",
      args: [
        "--config.file=/etc/prometheus/prometheus.yml",
        "--storage.tsdb.retention.time={{values.retentionDays}}d"
      ],
      ports: [{ name: "http", port: 9090 }],
      readiness: { check: { http: { path: "/-/ready", port: 9090 } } },
      volumes: [{ name: "data", mountPath: "/prometheus", sizeMiB: 20480 }],
      resources: { cpu: 0.5, memoryMiB: 1024 }
    })
  ],
  replicas: { server: { replicas: false } },
  extraFields: [
    {
      key: "retentionDays",
      type: "int",
      label: text("数据保留天数", "Retention (days)"),
      default: 15,
      min: 1,
      max: 365
    }
  ],
  configFiles: [
    {
      name: "prometheus.yml",
      mountPath: "/etc/prometheus",
      content:
        "global:\n  scrape_interval: 15s\nscrape_configs:\n  - job_name: self\n    static_configs:\n      - targets: ['localhost:9090']\n"
    }
  ],
  links: [{ label: text("Monitor(9090)", "Monitor (9090)"), role: "server", port: 9090 }],
  exports: [{ name: "uri", value: `http://${host("server")}:9090` }]
})

const INCEPTOR = "transwarp/inceptor:4.3.0"

/** The seed's second walkthrough: Metastore and HDFS required, Monitor optional. */
export const inceptor = app({
  name: "inceptor",
  title: "Inceptor",
  version: "4.3.0",
  vendor: "Transwarp",
  icon: "In",
  description: text(
    "基于 Spark 的交互式 SQL 分析引擎:Master 接受 JDBC/ODBC 连接并调度,Executor 执行计算;表元数据来自 Metastore,数据在 HDFS。",
    "Spark-based interactive SQL engine: the master takes JDBC/ODBC connections and schedules, executors compute; tables come from Metastore, data from HDFS."
  ),
  tags: ["sql", "analytics", "tdh"],
  roles: [
    role({
      name: "master",
      label: text("Master", "Master"),
      image: INCEPTOR,
      ports: [
        { name: "jdbc", port: 10000 },
        { name: "ui", port: 4040 }
      ],
      env: [
        { name: "HIVE_METASTORE_URIS", value: "{{deps.metastore.uri}}" },
        { name: "FS_DEFAULT", value: "{{deps.hdfs.uri}}" },
        { name: "MONITOR_URI", value: "{{deps.monitor.uri}}" },
        { name: "INCEPTOR_EXECUTORS", value: "{{values.executor.replicas}}" }
      ],
      readiness: { check: { tcp: { port: 10000 } }, initialDelaySeconds: 15 },
      volumes: [{ name: "work", mountPath: "/var/lib/inceptor", sizeMiB: 10240 }],
      resources: { cpu: 2, memoryMiB: 4096 }
    }),
    role({
      name: "executor",
      label: text("Executor", "Executor"),
      image: INCEPTOR,
      workload: "Deployment",
      args: ["executor", "--master", `${host("master")}:10000`],
      env: [
        { name: "FS_DEFAULT", value: "{{deps.hdfs.uri}}" },
        { name: "MONITOR_URI", value: "{{deps.monitor.uri}}" }
      ],
      resources: { cpu: 2, memoryMiB: 8192 },
      replicas: 3
    })
  ],
  replicas: { master: { replicas: false } },
  dependencies: [
    { app: "metastore", required: true },
    { app: "hdfs", required: true },
    { app: "monitor", required: false }
  ],
  links: [{ label: text("Inceptor(4040)", "Inceptor (4040)"), role: "master", port: 4040 }],
  exports: [{ name: "jdbc", value: `jdbc:hive2://${host("master")}:10000/default` }]
})

export const hue = app({
  name: "hue",
  title: "HUE",
  version: "4.11.0",
  vendor: "Cloudera",
  icon: "HU",
  description: text(
    "Hadoop 的网页工作台:SQL 编辑器、文件浏览器。",
    "Hadoop web workbench: SQL editor and file browser."
  ),
  tags: ["ui", "sql", "tdh"],
  roles: [
    role({
      name: "server",
      label: text("服务器", "Server"),
      image: "gethue/hue:4.11.0",
      workload: "Deployment",
      ports: [{ name: "http", port: 8888 }],
      env: [
        { name: "HUE_HDFS_URI", value: "{{deps.hdfs.uri}}" },
        { name: "HUE_SQL_JDBC", value: "{{deps.inceptor.jdbc}}" }
      ],
      readiness: { check: { http: { path: "/", port: 8888 } }, initialDelaySeconds: 10 },
      resources: { cpu: 1, memoryMiB: 1024 }
    })
  ],
  dependencies: [
    { app: "hdfs", required: true },
    { app: "inceptor", required: false }
  ],
  links: [{ label: text("HUE(8888)", "HUE (8888)"), role: "server", port: 8888 }]
})

export const sqoop = app({
  name: "sqoop",
  title: "Sqoop",
  version: "1.99.7",
  vendor: "Apache",
  icon: "Sq",
  description: text(
    "在关系型数据库与 HDFS 之间批量导入导出数据。",
    "Bulk transfer between relational databases and HDFS."
  ),
  tags: ["etl", "hadoop", "tdh"],
  roles: [
    role({
      name: "server",
      label: text("服务器", "Server"),
      image: "apache/sqoop:1.99.7",
      workload: "Deployment",
      ports: [{ name: "http", port: 12000 }],
      env: [
        { name: "HADOOP_FS", value: "{{deps.hdfs.uri}}" },
        { name: "SOURCE_DB", value: "{{deps.mysql.uri}}" }
      ],
      readiness: { check: { tcp: { port: 12000 } } },
      resources: { cpu: 1, memoryMiB: 1024 }
    })
  ],
  dependencies: [
    { app: "hdfs", required: true },
    { app: "mysql", required: false }
  ]
})
