/** @module Every built-in app definition, in the order the catalog lists them. */
import type { AppDefinition } from "@wharf/plugin-app-catalog/shared"
import { elasticsearch, influxdb, mongodb, mysql, redis } from "./data-stores"
import { hbase, hdfs, yarn } from "./hadoop"
import { kafka, rabbitmq, zookeeper } from "./messaging"
import { hue, inceptor, metastore, monitor, sqoop } from "./sql"
import { terminal, wordpress } from "./web"

export const builtinApps: ReadonlyArray<AppDefinition> = [
  zookeeper,
  hbase,
  terminal,
  sqoop,
  hdfs,
  yarn,
  metastore,
  inceptor,
  hue,
  monitor,
  redis,
  mongodb,
  rabbitmq,
  kafka,
  influxdb,
  mysql,
  wordpress,
  elasticsearch
]
