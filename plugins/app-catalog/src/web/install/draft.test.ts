import { describe, expect, it } from "vitest"
import type { AppDefinition, Role } from "../../shared/definition"
import { ADVANCED_TAB, advancedFields, priorityField, roleFields } from "../../shared/fields"
import { activePaths, draftProblems, emptyDraft, type InstanceDraft, installRequest } from "./draft"

const text = (s: string) => ({ "zh-CN": s, en: s })
const role = (name: string): Role => ({
  name,
  label: text(name),
  workload: "StatefulSet",
  image: `${name}:1`,
  ports: [],
  env: [],
  volumes: [],
  resources: { cpu: 1, memoryMiB: 1024 },
  replicas: 1
})
const app = (name: string, dependencies: AppDefinition["dependencies"] = []): AppDefinition => {
  const r = role("main")
  return {
    name,
    title: name,
    version: "1",
    vendor: "v",
    icon: "X",
    description: text(name),
    tags: [],
    roles: [r],
    tabs: [{ id: "config", label: text("config") }, ADVANCED_TAB],
    fields: [priorityField("config"), ...roleFields(r, "config", {}, true), ...advancedFields([r], name)],
    dependencies,
    links: [],
    exports: [],
    configFiles: [],
    secrets: []
  }
}

const definitions = {
  inceptor: app("inceptor", [
    { app: "metastore", required: true },
    { app: "monitor", required: false }
  ]),
  metastore: app("metastore", [{ app: "mysql", required: true }]),
  mysql: app("mysql"),
  monitor: app("monitor")
}
const target = { tenant: "g-data-team", cluster: "default", visibility: "tenant" as const }

describe("the install wizard's drafts", () => {
  it("installs Redis-like apps with defaults: no name, no values, the server generates the rest", () => {
    const drafts = { mysql: emptyDraft("mysql") }
    expect(installRequest("mysql", target, drafts, definitions)).toEqual({
      app: "mysql",
      ...target,
      values: {},
      dependencies: {}
    })
  })

  it("nests a new Metastore (with its MySQL), an existing one or none, as the user picked", () => {
    const drafts: Record<string, InstanceDraft> = {
      inceptor: {
        ...emptyDraft("inceptor"),
        values: { "main.memory": "4Gi", priority: "2" },
        dependencies: { monitor: { kind: "none" } }
      },
      "inceptor/metastore": { ...emptyDraft("metastore"), name: "metastore-new1" }
    }
    expect(activePaths(drafts, definitions, "inceptor")).toEqual(["inceptor", "inceptor/metastore"])
    const request = installRequest("inceptor", target, drafts, definitions)
    expect(request.values).toEqual({ "main.memory": 4096, priority: 2 })
    expect(request.dependencies).toEqual({
      metastore: {
        kind: "new",
        request: {
          name: "metastore-new1",
          values: {},
          dependencies: { mysql: { kind: "new", request: { values: {}, dependencies: {} } } }
        }
      },
      monitor: { kind: "none" }
    })
    const existing = {
      ...drafts,
      inceptor: {
        ...drafts.inceptor!,
        dependencies: { metastore: { kind: "existing" as const, instance: "metastore-eln3" } }
      }
    }
    expect(installRequest("inceptor", target, existing, definitions).dependencies?.metastore).toEqual({
      kind: "existing",
      instance: "metastore-eln3"
    })
  })

  it("names each problem by its field: a bad name, a value out of range, a required dependency left out", () => {
    const draft: InstanceDraft = {
      ...emptyDraft("inceptor"),
      name: "Inceptor_1",
      values: { priority: "12", "main.cpu": "abc" },
      dependencies: { metastore: { kind: "none" } }
    }
    expect(draftProblems(draft, definitions.inceptor).map((p) => p.field)).toEqual([
      "name",
      "priority",
      "main.cpu",
      "dependency:metastore"
    ])
  })
})
