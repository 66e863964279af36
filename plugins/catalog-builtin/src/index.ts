/**
 * @module The built-in catalog: the apps of seed 002 (Zookeeper, HBase, HDFS, Yarn, Metastore,
 * Inceptor, HUE, Monitor, Redis, MongoDB, Kafka, RabbitMQ, InfluxDB, MySQL, WordPress,
 * ElasticSearch, Terminal, Sqoop) as definitions contributed to the `app-catalog` point.
 */
import { contribute, definePlugin } from "@wharf/core"
import { appCatalogs } from "@wharf/plugin-app-catalog/shared"
import { builtinApps } from "./apps"

export const catalogBuiltinPlugin = definePlugin({
  id: "catalog-builtin",
  version: "0.1.0",
  description: "The built-in app catalog: the seed's data platform and common apps",
  dependsOn: ["app-catalog"],
  contributions: [contribute(appCatalogs, { catalog: "builtin", definitions: builtinApps })]
})

export { builtinApps }
export default catalogBuiltinPlugin
