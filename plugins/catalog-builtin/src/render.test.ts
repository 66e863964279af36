import { INSTANCE_LABEL, type KubeObject, renderApp, resolveValues } from "@wharf/plugin-app-catalog/shared"
import { describe, expect, it } from "vitest"
import { builtinApps } from "./apps"
import { catalog, definition, NS, renderBuiltin } from "./render-fixture"

const render = renderBuiltin
const byKind = (objects: ReadonlyArray<KubeObject>, kind: string) => objects.filter((o) => o.kind === kind)
const spec = (o: KubeObject) => o.spec as any

describe("the built-in catalog", () => {
  it("has the seed's eighteen apps, each decoding with no problem", () => {
    expect(catalog.problems).toEqual([])
    expect([...catalog.entries.keys()].sort()).toEqual([
      "elasticsearch",
      "hbase",
      "hdfs",
      "hue",
      "inceptor",
      "influxdb",
      "kafka",
      "metastore",
      "mongodb",
      "monitor",
      "mysql",
      "rabbitmq",
      "redis",
      "sqoop",
      "terminal",
      "wordpress",
      "yarn",
      "zookeeper"
    ])
  })

  it("declares the seed's dependencies", () => {
    const deps = (app: string) => definition(app).dependencies.map((d) => `${d.app}${d.required ? "" : "?"}`)
    expect(deps("inceptor")).toEqual(["metastore", "hdfs", "monitor?"])
    expect(deps("metastore")).toEqual(["mysql"])
    expect(deps("hbase")).toEqual(["hdfs", "zookeeper"])
    expect(deps("kafka")).toEqual(["zookeeper"])
  })

  it("has Redis's defaults from the seed: 1 GiB, 1 core, 3 masters, priority 0", () => {
    const { values } = resolveValues(definition("redis"), {})
    expect(values).toMatchObject({
      "master.memory": 1024,
      "master.cpu": 1,
      "master.replicas": 3,
      priority: 0
    })
    const redis = definition("redis")
    expect(redis.tabs.map((t) => t.label["zh-CN"])).toEqual(["Redis配置", "高级配置"])
    expect(redis.fields.find((f) => f.key === "master.replicas")!.label["zh-CN"]).toBe("主节点数量")
  })
})

describe("rendering every built-in app", () => {
  for (const app of builtinApps.map((a) => a.name)) {
    it(`${app}: labelled workloads, services and volumes with nothing left unresolved`, () => {
      const d = definition(app)
      const objects = render(app, `${app}-abcd`)
      const text = JSON.stringify(objects)
      expect(text).not.toContain("{{")
      for (const o of objects) {
        expect(o.metadata.namespace).toBe(NS)
        expect(o.metadata.labels).toMatchObject({
          "app.kubernetes.io/name": app,
          "app.kubernetes.io/instance": `${app}-abcd`,
          "app.kubernetes.io/managed-by": "wharf",
          [INSTANCE_LABEL]: `${app}-abcd`
        })
        expect(o.metadata.name.length).toBeLessThanOrEqual(52)
        expect(o.metadata.name).toMatch(/^[a-z]([-a-z0-9]*[a-z0-9])?$/)
      }
      const names = objects.map((o) => `${o.kind}/${o.metadata.name}`)
      expect(new Set(names).size).toBe(names.length)
      for (const role of d.roles) {
        const workload = objects.find(
          (o) => o.kind === role.workload && o.metadata.name === `${app}-abcd-${role.name}`
        )!
        expect(workload).toBeDefined()
        expect(spec(workload).replicas).toBe(role.replicas)
        const pod = spec(workload).template
        expect(pod.metadata.labels).toMatchObject(spec(workload).selector.matchLabels)
        expect(pod.spec.priorityClassName).toBe("wharf-priority-0")
        const container = pod.spec.containers[0]
        expect(container.image).toBe(role.image)
        expect(container.resources.limits).toEqual({
          cpu: `${Math.round(role.resources.cpu * 1000)}m`,
          memory: `${role.resources.memoryMiB}Mi`
        })
        if (role.ports.length > 0) {
          const service = objects.find(
            (o) => o.kind === "Service" && o.metadata.name === `${app}-abcd-${role.name}`
          )!
          expect(spec(service).ports.map((p: any) => p.port)).toEqual(role.ports.map((p) => p.port))
          expect(spec(service).selector).toEqual(spec(workload).selector.matchLabels)
        }
        const claims =
          role.workload === "StatefulSet"
            ? spec(workload).volumeClaimTemplates.map((c: any) => c.metadata.name)
            : byKind(objects, "PersistentVolumeClaim")
                .filter((c) => c.metadata.labels?.["app.kubernetes.io/component"] === role.name)
                .map((c) => c.metadata.name.slice(`${app}-abcd-${role.name}-`.length))
        expect(claims).toEqual(role.volumes.map((v) => v.name))
        // A secret never sits in a plain env value.
        for (const e of container.env) if ("value" in e) expect(e.value).not.toMatch(/s3cret|-value$/)
      }
      for (const link of d.links)
        expect(
          objects.some((o) => o.kind === "Service" && spec(o).ports.some((p: any) => p.port === link.port))
        ).toBe(true)
    })
  }

  it("is pure: the same input renders the same objects in the same order", () => {
    expect(render("inceptor", "inceptor-x1y2")).toEqual(render("inceptor", "inceptor-x1y2"))
  })

  it("Redis: three masters with 1 GiB and 1 core, its config file carrying the memory limit", () => {
    const objects = render("redis", "redis-nun6")
    const sts = byKind(objects, "StatefulSet")[0]!
    expect(spec(sts).replicas).toBe(3)
    expect(spec(sts).template.spec.containers[0].resources.limits).toEqual({ cpu: "1000m", memory: "1024Mi" })
    const config = byKind(objects, "ConfigMap")[0]!
    expect((config.data as any)["redis.conf"]).toContain("maxmemory 1024mb")
  })

  it("settings reach the objects, and a changed config file rolls the pods", () => {
    const base = render("redis", "redis-nun6")
    const changed = render("redis", "redis-nun6", {
      "master.memory": "2Gi",
      "master.cpu": "500m",
      "master.replicas": 5,
      priority: 3,
      "master.image": "registry.local:5000/redis:7.2.5",
      "master.env": [{ name: "EXTRA", value: "1" }]
    })
    const pod = (objects: ReadonlyArray<KubeObject>) => spec(byKind(objects, "StatefulSet")[0]!).template
    expect(spec(byKind(changed, "StatefulSet")[0]!).replicas).toBe(5)
    expect(pod(changed).spec.priorityClassName).toBe("wharf-priority-3")
    expect(pod(changed).spec.containers[0]).toMatchObject({
      image: "registry.local:5000/redis:7.2.5",
      resources: { limits: { cpu: "500m", memory: "2048Mi" } }
    })
    expect(pod(changed).spec.containers[0].env).toContainEqual({ name: "EXTRA", value: "1" })
    expect(pod(changed).metadata.annotations["wharf.io/config-hash"]).not.toBe(
      pod(base).metadata.annotations["wharf.io/config-hash"]
    )
  })

  it("Inceptor: its dependencies' exports reach its env, a secret one only through the Secret", () => {
    const objects = render("inceptor", "inceptor-x1y2", {}, ["monitor"])
    const master = byKind(objects, "StatefulSet").find((o) => o.metadata.name === "inceptor-x1y2-master")!
    const env = spec(master).template.spec.containers[0].env
    expect(env).toContainEqual({
      name: "HIVE_METASTORE_URIS",
      value: "thrift://metastore-dep1-server.g-data-team.svc:9083"
    })
    expect(env).toContainEqual({
      name: "FS_DEFAULT",
      value: "hdfs://hdfs-dep1-namenode.g-data-team.svc:8020"
    })
    expect(env).toContainEqual({ name: "MONITOR_URI", value: "" })
    expect(byKind(objects, "Deployment").map((o) => o.metadata.name)).toEqual(["inceptor-x1y2-executor"])

    const metastore = render("metastore", "metastore-eln3")
    const secret = byKind(metastore, "Secret")[0]!
    expect((secret.stringData as any)["env.server.HIVE_METASTORE_DB_PASSWORD"]).toBe("root-password-value")
    const msEnv = spec(byKind(metastore, "Deployment")[0]!).template.spec.containers[0].env
    expect(msEnv).toContainEqual({
      name: "HIVE_METASTORE_DB_PASSWORD",
      valueFrom: {
        secretKeyRef: { name: "metastore-eln3-secrets", key: "env.server.HIVE_METASTORE_DB_PASSWORD" }
      }
    })
  })

  it("a render hook adjusts what the generic renderer made", () => {
    const d = definition("terminal")
    const input = {
      definition: d,
      instance: "terminal-a1b2",
      namespace: NS,
      values: resolveValues(d, {}).values,
      secrets: {},
      bindings: {}
    }
    const hooked = renderApp(input, (objects) => objects.filter((o) => o.kind !== "Service"))
    expect(hooked.map((o) => o.kind)).toEqual(["Deployment"])
  })
})
