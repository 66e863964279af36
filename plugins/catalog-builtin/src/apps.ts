/**
 * @module Every built-in app definition, in the order the catalog lists them. Each app is a
 * YAML file under `apps/` in the short form `app()` completes (a role's usual empty lists, the
 * seed's tabs and standard fields); the app-catalog plugin decodes the result like any
 * vendor's definitions, and `catalog.test.ts` proves every one passes.
 */
import { readFileSync } from "node:fs"
import type { AppDefinition } from "@wharf/plugin-app-catalog/shared"
import { parse } from "yaml"
import { type AppSpec, app } from "./build"

const CATALOG_ORDER = [
  "zookeeper",
  "hbase",
  "terminal",
  "sqoop",
  "hdfs",
  "yarn",
  "metastore",
  "inceptor",
  "hue",
  "monitor",
  "redis",
  "mongodb",
  "rabbitmq",
  "kafka",
  "influxdb",
  "mysql",
  "wordpress",
  "elasticsearch"
] as const

/** The short form of one app, as written in `apps/<name>.yaml`. */
export const appSpec = (name: string): AppSpec =>
  parse(readFileSync(new URL(`../apps/${name}.yaml`, import.meta.url), "utf8")) as AppSpec

export const builtinApps: ReadonlyArray<AppDefinition> = CATALOG_ORDER.map((name) => app(appSpec(name)))
