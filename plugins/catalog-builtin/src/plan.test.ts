import { buildCatalog, type PlanContext, resolvePlan } from "@wharf/plugin-app-catalog/shared"
import { describe, expect, it } from "vitest"
import { builtinApps } from "./apps"

const catalog = buildCatalog([{ catalog: "builtin", definitions: builtinApps }])
let counter = 0
const ctx = (overrides: Partial<PlanContext> = {}): PlanContext => ({
  definition: (app) => catalog.entries.get(app)?.definition,
  existingProblem: (app, instance) =>
    instance === "metastore-eln3" && app === "metastore" ? null : `no ${app} "${instance}" you may use`,
  nameProblem: (name) => (name === "redis-taken" ? `"${name}" is taken` : null),
  generateName: (app) => `${app}-g${++counter}`,
  ...overrides
})

describe("resolving an install's dependencies", () => {
  it("new: Inceptor with every dependency new creates MySQL, Metastore, HDFS and Monitor first", () => {
    const plan = resolvePlan({ app: "inceptor", name: "inceptor-main" }, ctx())
    if (!plan.ok) throw new Error(JSON.stringify(plan.problems))
    expect(plan.instances.map((i) => i.key)).toEqual([
      "inceptor/metastore/mysql",
      "inceptor/metastore",
      "inceptor/hdfs",
      "inceptor/monitor",
      "inceptor"
    ])
    const root = plan.instances.at(-1)!
    expect(root.name).toBe("inceptor-main")
    expect(root.bindings).toEqual({
      metastore: { kind: "new", key: "inceptor/metastore" },
      hdfs: { kind: "new", key: "inceptor/hdfs" },
      monitor: { kind: "new", key: "inceptor/monitor" }
    })
    expect(plan.instances[0]!.name).toMatch(/^mysql-g\d+$/)
  })

  it("existing and none: a usable Metastore picked, Monitor not installed", () => {
    const plan = resolvePlan(
      {
        app: "inceptor",
        dependencies: {
          metastore: { kind: "existing", instance: "metastore-eln3" },
          monitor: { kind: "none" }
        },
        values: { "master.memory": "4Gi" }
      },
      ctx()
    )
    if (!plan.ok) throw new Error(JSON.stringify(plan.problems))
    expect(plan.instances.map((i) => i.key)).toEqual(["inceptor/hdfs", "inceptor"])
    expect(plan.instances[1]!.bindings).toMatchObject({
      metastore: { kind: "existing", instance: "metastore-eln3" },
      monitor: null
    })
    expect(plan.instances[1]!.values["master.memory"]).toBe(4096)
  })

  it("refuses what cannot be: a required dependency left out, an unusable instance, a bad value, a taken name", () => {
    const plan = resolvePlan(
      {
        app: "inceptor",
        dependencies: {
          metastore: {
            kind: "new",
            name: "redis-taken",
            dependencies: { mysql: { kind: "existing", instance: "mysql-other" } }
          },
          hdfs: { kind: "none" }
        },
        values: { "master.cpu": "lots", "master.colour": "red" }
      },
      ctx()
    )
    expect(plan.ok).toBe(false)
    if (plan.ok) return
    expect(plan.problems).toEqual(
      expect.arrayContaining([
        { path: "dependencies.metastore.dependencies.mysql", message: 'no mysql "mysql-other" you may use' },
        { path: "dependencies.metastore.name", message: '"redis-taken" is taken' },
        { path: "dependencies.hdfs", message: "Inceptor cannot run without hdfs" },
        { path: "values.master.cpu", message: "must be a number" },
        { path: "values.master.colour", message: 'Inceptor has no setting "master.colour"' }
      ])
    )
  })

  it("refuses a name that is not a Kubernetes name, and two new instances of one name", () => {
    const plan = resolvePlan(
      { app: "kafka", name: "Kafka_1", dependencies: { zookeeper: { kind: "new", name: "zk" } } },
      ctx()
    )
    expect(plan.ok).toBe(false)
    const twice = resolvePlan(
      { app: "kafka", name: "same", dependencies: { zookeeper: { kind: "new", name: "same" } } },
      ctx()
    )
    expect(twice.ok ? [] : twice.problems.map((p) => p.path)).toEqual(["name"])
  })

  it("refuses a dependency cycle, naming it", () => {
    const a = catalog.entries.get("terminal")!.definition
    const loopA = { ...a, name: "loop-a", dependencies: [{ app: "loop-b", required: true }] }
    const loopB = { ...a, name: "loop-b", dependencies: [{ app: "loop-a", required: true }] }
    const looped = buildCatalog([{ catalog: "test", definitions: [loopA, loopB] }])
    expect(looped.problems).toEqual([])
    const plan = resolvePlan(
      { app: "loop-a" },
      ctx({ definition: (app) => looped.entries.get(app)?.definition })
    )
    expect(plan).toEqual({
      ok: false,
      problems: [
        {
          path: "dependencies.loop-b.dependencies.loop-a",
          message:
            "dependency cycle: loop-a → loop-b → loop-a (each needs the other, so none can start first)"
        }
      ]
    })
  })
})

describe("checking a catalog", () => {
  it("leaves out a definition that does not decode, naming the field, and reports a missing dependency", () => {
    const redis = builtinApps.find((a) => a.name === "redis")!
    const broken = { ...redis, name: "broken", roles: [{ ...redis.roles[0]!, image: "" }] }
    const lonely = { ...redis, name: "lonely", dependencies: [{ app: "nowhere", required: true }] }
    const built = buildCatalog([{ catalog: "vendor", definitions: [broken, lonely] }])
    expect([...built.entries.keys()]).toEqual(["lonely"])
    expect(built.problems).toEqual([
      "vendor: definitions[0]: roles.0.image: must not be empty",
      'vendor: lonely depends on "nowhere", which no catalog has'
    ])
  })

  it("refuses templates that reference nothing", () => {
    const redis = builtinApps.find((a) => a.name === "redis")!
    const bad = {
      ...redis,
      name: "bad",
      configFiles: [{ name: "x.conf", mountPath: "/etc", content: "{{values.nope}} {{secrets.pw}}" }]
    }
    const built = buildCatalog([{ catalog: "vendor", definitions: [bad] }])
    expect(built.problems[0]).toContain('configFiles.0.content: {{values.nope}}: no field "nope"')
  })
})
