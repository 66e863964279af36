/** @module Built-in Hadoop storage and compute: HDFS, Yarn, HBase. */
import { app, host, role, text } from "../build"

const HADOOP = "apache/hadoop:3.3.6"

export const hdfs = app({
  name: "hdfs",
  title: "HDFS",
  version: "3.3.6",
  vendor: "Apache",
  icon: "HD",
  description: text(
    "Hadoop 分布式文件系统:一个 NameNode 管理元数据,多个 DataNode 存放数据块。",
    "Hadoop distributed file system: a NameNode keeps the metadata, DataNodes keep the blocks."
  ),
  tags: ["storage", "hadoop", "tdh"],
  roles: [
    role({
      name: "namenode",
      label: text("NameNode", "NameNode"),
      image: HADOOP,
      command: ["hdfs", "namenode"],
      ports: [
        { name: "rpc", port: 8020 },
        { name: "http", port: 9870 }
      ],
      env: [{ name: "CORE-SITE.XML_fs.defaultFS", value: `hdfs://${host("namenode")}:8020` }],
      readiness: { check: { http: { path: "/", port: 9870 } }, initialDelaySeconds: 10 },
      volumes: [{ name: "meta", mountPath: "/hadoop/dfs/name", sizeMiB: 10240 }],
      resources: { cpu: 1, memoryMiB: 2048 }
    }),
    role({
      name: "datanode",
      label: text("DataNode", "DataNode"),
      image: HADOOP,
      command: ["hdfs", "datanode"],
      ports: [
        { name: "data", port: 9866 },
        { name: "http", port: 9864 }
      ],
      env: [
        { name: "CORE-SITE.XML_fs.defaultFS", value: `hdfs://${host("namenode")}:8020` },
        { name: "HDFS-SITE.XML_dfs.replication", value: "{{values.replication}}" }
      ],
      readiness: { check: { tcp: { port: 9866 } } },
      volumes: [{ name: "data", mountPath: "/hadoop/dfs/data", sizeMiB: 102400 }],
      resources: { cpu: 1, memoryMiB: 2048 },
      replicas: 3
    })
  ],
  replicas: { namenode: { replicas: false } },
  extraFields: [
    {
      key: "replication",
      type: "int",
      label: text("副本数", "Block replication"),
      default: 3,
      min: 1,
      max: 10
    }
  ],
  links: [{ label: text("NameNode(9870)", "NameNode (9870)"), role: "namenode", port: 9870 }],
  exports: [{ name: "uri", value: `hdfs://${host("namenode")}:8020` }]
})

export const yarn = app({
  name: "yarn",
  title: "Yarn",
  version: "3.3.6",
  vendor: "Apache",
  icon: "Yn",
  description: text("Hadoop 资源管理与作业调度。", "Hadoop resource management and job scheduling."),
  tags: ["compute", "hadoop", "tdh"],
  roles: [
    role({
      name: "rm",
      label: text("ResourceManager", "ResourceManager"),
      image: HADOOP,
      command: ["yarn", "resourcemanager"],
      ports: [
        { name: "rpc", port: 8032 },
        { name: "http", port: 8088 }
      ],
      env: [{ name: "CORE-SITE.XML_fs.defaultFS", value: "{{deps.hdfs.uri}}" }],
      readiness: { check: { http: { path: "/ws/v1/cluster/info", port: 8088 } }, initialDelaySeconds: 10 },
      resources: { cpu: 1, memoryMiB: 2048 }
    }),
    role({
      name: "nm",
      label: text("NodeManager", "NodeManager"),
      image: HADOOP,
      command: ["yarn", "nodemanager"],
      ports: [{ name: "http", port: 8042 }],
      env: [
        { name: "CORE-SITE.XML_fs.defaultFS", value: "{{deps.hdfs.uri}}" },
        { name: "YARN-SITE.XML_yarn.resourcemanager.hostname", value: host("rm") }
      ],
      readiness: { check: { tcp: { port: 8042 } } },
      resources: { cpu: 2, memoryMiB: 4096 },
      replicas: 3
    })
  ],
  replicas: { rm: { replicas: false } },
  dependencies: [{ app: "hdfs", required: true }],
  links: [{ label: text("ResourceManager(8088)", "ResourceManager (8088)"), role: "rm", port: 8088 }],
  exports: [{ name: "resourceManager", value: `${host("rm")}:8032` }]
})

export const hbase = app({
  name: "hbase",
  title: "HBase",
  version: "2.5.8",
  vendor: "Apache",
  icon: "HB",
  description: text(
    "构建在 HDFS 上的分布式列式数据库,依赖 HDFS 与 Zookeeper。",
    "Distributed column store on HDFS; needs HDFS and Zookeeper."
  ),
  tags: ["database", "hadoop", "tdh"],
  roles: [
    role({
      name: "master",
      label: text("Master", "Master"),
      image: "harisekhon/hbase:2.5",
      command: ["hbase", "master", "start"],
      ports: [
        { name: "rpc", port: 16000 },
        { name: "http", port: 16010 }
      ],
      env: [
        { name: "HBASE_ROOTDIR", value: "{{deps.hdfs.uri}}/hbase/{{instance}}" },
        { name: "HBASE_ZOOKEEPER_QUORUM", value: "{{deps.zookeeper.connect}}" }
      ],
      readiness: { check: { tcp: { port: 16000 } }, initialDelaySeconds: 15 },
      resources: { cpu: 1, memoryMiB: 2048 }
    }),
    role({
      name: "regionserver",
      label: text("RegionServer", "RegionServer"),
      image: "harisekhon/hbase:2.5",
      command: ["hbase", "regionserver", "start"],
      ports: [
        { name: "rpc", port: 16020 },
        { name: "http", port: 16030 }
      ],
      env: [
        { name: "HBASE_ROOTDIR", value: "{{deps.hdfs.uri}}/hbase/{{instance}}" },
        { name: "HBASE_ZOOKEEPER_QUORUM", value: "{{deps.zookeeper.connect}}" }
      ],
      readiness: { check: { tcp: { port: 16020 } }, initialDelaySeconds: 15 },
      resources: { cpu: 2, memoryMiB: 4096 },
      replicas: 3
    })
  ],
  replicas: { master: { replicas: false } },
  dependencies: [
    { app: "hdfs", required: true },
    { app: "zookeeper", required: true }
  ],
  links: [{ label: text("HBase Master(16010)", "HBase Master (16010)"), role: "master", port: 16010 }],
  exports: [{ name: "zookeeper", value: "{{deps.zookeeper.connect}}" }]
})
