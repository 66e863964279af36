/** @module Built-in messaging: Zookeeper, Kafka, RabbitMQ. */
import { app, host, role, text } from "../build"

export const zookeeper = app({
  name: "zookeeper",
  title: "Zookeeper",
  version: "3.8.4",
  vendor: "Apache",
  icon: "ZK",
  description: text(
    "分布式协调服务,为 HBase、Kafka 等提供选主与配置存储。",
    "Distributed coordination: leader election and configuration for HBase, Kafka and others."
  ),
  tags: ["coordination", "tdh"],
  roles: [
    role({
      name: "server",
      label: text("服务器", "Server"),
      image: "zookeeper:3.8.4",
      ports: [
        { name: "client", port: 2181 },
        { name: "peer", port: 2888 },
        { name: "election", port: 3888 }
      ],
      env: [{ name: "ZOO_4LW_COMMANDS_WHITELIST", value: "ruok,srvr,mntr" }],
      readiness: { check: { tcp: { port: 2181 } } },
      volumes: [{ name: "data", mountPath: "/data", sizeMiB: 5120 }],
      resources: { cpu: 0.5, memoryMiB: 1024 },
      replicas: 3
    })
  ],
  exports: [{ name: "connect", value: `${host("server")}:2181` }]
})

export const kafka = app({
  name: "kafka",
  title: "Kafka",
  version: "3.7.0",
  vendor: "Apache",
  icon: "Kf",
  description: text("分布式消息流平台。", "Distributed event streaming platform."),
  tags: ["messaging", "streaming"],
  roles: [
    role({
      name: "broker",
      label: text("Broker", "Broker"),
      image: "bitnami/kafka:3.7.0",
      ports: [{ name: "kafka", port: 9092 }],
      env: [
        { name: "KAFKA_CFG_ZOOKEEPER_CONNECT", value: "{{deps.zookeeper.connect}}/{{instance}}" },
        { name: "KAFKA_CFG_LISTENERS", value: "PLAINTEXT://:9092" },
        { name: "KAFKA_CFG_NUM_PARTITIONS", value: "{{values.partitions}}" }
      ],
      readiness: { check: { tcp: { port: 9092 } }, initialDelaySeconds: 10 },
      volumes: [{ name: "data", mountPath: "/bitnami/kafka", sizeMiB: 20480 }],
      resources: { cpu: 1, memoryMiB: 2048 },
      replicas: 3
    })
  ],
  extraFields: [
    {
      key: "partitions",
      type: "int",
      label: text("默认分区数", "Default partitions"),
      default: 3,
      min: 1,
      max: 1000
    }
  ],
  dependencies: [{ app: "zookeeper", required: true }],
  exports: [{ name: "bootstrap", value: `${host("broker")}:9092` }]
})

export const rabbitmq = app({
  name: "rabbitmq",
  title: "RabbitMQ",
  version: "3.13.3",
  vendor: "Broadcom",
  icon: "RQ",
  description: text("AMQP 消息队列,带管理界面。", "AMQP message broker with its management UI."),
  tags: ["messaging"],
  roles: [
    role({
      name: "server",
      label: text("服务器", "Server"),
      image: "rabbitmq:3.13.3-management",
      ports: [
        { name: "amqp", port: 5672 },
        { name: "management", port: 15672 }
      ],
      env: [
        { name: "RABBITMQ_DEFAULT_USER", value: "admin" },
        { name: "RABBITMQ_DEFAULT_PASS", value: "{{secrets.admin-password}}" }
      ],
      readiness: { check: { tcp: { port: 5672 } }, initialDelaySeconds: 10 },
      volumes: [{ name: "data", mountPath: "/var/lib/rabbitmq", sizeMiB: 5120 }],
      resources: { cpu: 1, memoryMiB: 1024 }
    })
  ],
  secrets: [{ name: "admin-password", length: 24 }],
  links: [{ label: text("管理界面(15672)", "Management UI (15672)"), role: "server", port: 15672 }],
  exports: [
    { name: "uri", value: `amqp://admin:{{secrets.admin-password}}@${host("server")}:5672`, secret: true }
  ]
})
