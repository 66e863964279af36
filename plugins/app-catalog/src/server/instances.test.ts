/**
 * Installed apps end to end against kube-sim over HTTPS: preview by server-side dry run,
 * dependency choices (new, existing, none), quota refusals with the numbers, idempotent
 * install, dependents started after their dependencies, prune on reconfigure, scale, delete
 * with dependents, and what another tenant may see and do.
 */
import { execFile } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { testBackends } from "@wharf/core/testing"
import type { ClusterSummary } from "@wharf/plugin-clusters/shared"
import { startTestWharf, type TestClient, type TestWharf } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type {
  DeleteResult,
  InstallResult,
  Instance,
  InstanceDetail,
  InstanceKubeEvents,
  InstanceList,
  Preview
} from "../shared/instances"
import { APPLYSET_ID_LABEL, APPLYSET_PART_OF_LABEL } from "./applyset"
import { type AppApis, appApis, installAndWait, PLUGINS, signedIn, waitFor } from "./testing/helpers"

const NS = "g-data-team"

describe.each(testBackends())("installed apps on $name", (backend) => {
  let wharf: TestWharf
  let admin: TestClient
  let li: TestClient
  let anna: TestClient
  let cluster: ClusterSummary
  let kube: AppApis

  beforeAll(async () => {
    wharf = await startTestWharf({ backend, plugins: PLUGINS, demo: true })
    admin = wharf.client()
    await admin.signIn()
    cluster = (await admin.rest<{ items: ClusterSummary[] }>("GET", "/clusters")).body.items[0]!
    kube = await appApis(wharf, cluster.id)
    const quota = await admin.rest("POST", "/quotas", {
      type: "leasee",
      subject: "data-team",
      clusterId: cluster.id
    })
    expect(quota.status).toBe(201)
    await waitFor(() => kube.core.readNamespace({ name: NS }), "the tenant's namespace")
    li = await signedIn(wharf, "li.wei@example.com")
    anna = await signedIn(wharf, "anna.schmidt@example.com")
  }, 60_000)
  afterAll(async () => {
    await wharf?.stop()
  })

  const preview = (c: TestClient, body: Record<string, unknown>) =>
    c.rest<Preview>("POST", "/apps/preview", { tenant: "g-data-team", cluster: cluster.id, ...body })

  it("previews Redis with defaults: a generated name, every setting, the dry-run objects", async () => {
    const r = await preview(li, { app: "redis" })
    expect(r.status).toBe(200)
    expect(r.body.refusals).toBeUndefined()
    const [settings] = r.body.settings
    expect(settings!.name).toMatch(/^redis-[a-z0-9]{4}$/)
    expect(settings!.values).toMatchObject({
      "master.memory": 1024,
      "master.cpu": 1,
      "master.replicas": 3,
      priority: 0
    })
    expect(settings!.request).toMatchObject({ cpu: 3, memory: 3072 })
    const sts = r.body.objects.find((o) => o.kind === "StatefulSet")!
    expect(sts.yaml).toContain(`name: ${settings!.name}-master`)
    expect(sts.yaml).toContain("replicas: 3")
    // Nothing was stored by the dry run.
    const left = await kube.apps.listNamespacedStatefulSet({
      namespace: NS,
      labelSelector: `wharf.io/app-instance=${settings!.name}`
    })
    expect(left.items).toEqual([])
  })

  it("refuses a taken name, a bad name, a required dependency left out, an unknown app — naming the field", async () => {
    const bad = await preview(li, {
      app: "metastore",
      name: "Bad_Name",
      dependencies: { mysql: { kind: "none" } }
    })
    expect(bad.status).toBe(200)
    const paths = bad.body.refusals!.map((p) => p.path)
    expect(paths).toEqual(expect.arrayContaining(["name", "dependencies.mysql"]))
    const unknown = await preview(li, { app: "no-such-app" })
    expect(unknown.body.refusals![0]!.message).toContain("no-such-app")
    const garbage = await li.rest("POST", "/apps/preview", { app: 5, tenant: "g-data-team" })
    expect(garbage.status).toBe(400)
  })

  it("refuses what does not fit the quota, with the numbers", async () => {
    const r = await preview(li, { app: "redis", values: { "master.replicas": 15, "master.memory": "64Gi" } })
    expect(r.status).toBe(200)
    const quota = r.body.refusals!.find((x) => x.path === "quota")!
    expect(quota.message).toMatch(/需要 .*内存，优先级 0 剩余/)
    const install = await li.rest("POST", "/apps", {
      tenant: "g-data-team",
      cluster: cluster.id,
      app: "redis",
      values: { "master.replicas": 15, "master.memory": "64Gi" }
    })
    expect(install.status).toBe(403)
    expect(JSON.stringify(install.body)).toContain("剩余")
  })

  let redis: Instance
  it("installs once per Idempotency-Key and the instance becomes ready", async () => {
    const body = { tenant: "g-data-team", cluster: cluster.id, app: "redis", name: "redis-nun6" }
    const headers = { "idempotency-key": "install-redis-1" }
    const first = await li.request("POST", "/api/v1/apps", JSON.stringify(body), headers)
    expect(first.status).toBe(201)
    const one = (await first.json()) as InstallResult
    const second = await li.request("POST", "/api/v1/apps", JSON.stringify(body), headers)
    const two = (await second.json()) as InstallResult
    expect(two.replayed).toBe(true)
    expect(two.instance.id).toBe(one.instance.id)
    // The same key with another request is refused (core's idempotent creates).
    const other = await li.request(
      "POST",
      "/api/v1/apps",
      JSON.stringify({ ...body, name: "redis-other" }),
      headers
    )
    expect(other.status).toBe(409)
    redis = await waitFor(
      async () => {
        const got = await li.rest<InstanceDetail>("GET", "/apps/redis-nun6")
        return got.body.status === "ready" && got.body
      },
      "redis ready",
      30_000
    )
    const sts = await kube.apps.readNamespacedStatefulSet({ name: "redis-nun6-master", namespace: NS })
    expect(sts.metadata?.labels).toMatchObject({
      "wharf.io/app-instance": "redis-nun6",
      "app.kubernetes.io/name": "redis",
      "app.kubernetes.io/managed-by": "wharf"
    })
    const pods = await li.rest("GET", "/apps/redis-nun6/pods")
    expect(pods.body.pods).toHaveLength(3)
    expect(pods.body.pods[0]).toMatchObject({ ready: true, restarts: 0, status: "Running" })
    expect(pods.body.pods[0].nodeIP).toBeTruthy()
  }, 60_000)

  it("keeps an instance's objects as an ApplySet that kubectl recognises as Wharf's", async () => {
    const parent = await kube.core.readNamespacedConfigMap({ name: "redis-nun6-applyset", namespace: NS })
    const id = parent.metadata?.labels?.[APPLYSET_ID_LABEL]
    expect(id).toMatch(/^applyset-[\w-]{43}-v1$/)
    expect(parent.metadata?.annotations).toMatchObject({
      "applyset.kubernetes.io/tooling": "wharf/v1",
      "applyset.kubernetes.io/contains-group-kinds": "ConfigMap,Service,StatefulSet.apps"
    })
    const services = await kube.core.listNamespacedService({
      namespace: NS,
      labelSelector: `${APPLYSET_PART_OF_LABEL}=${id}`
    })
    expect(services.items.map((s) => s.metadata?.name).sort()).toEqual([
      "redis-nun6-master",
      "redis-nun6-master-hl"
    ])
    // kubectl computes the same id from the parent (else it names the label) and leaves the
    // set to the tool that manages it: its prune would not touch Wharf's objects.
    const dir = mkdtempSync(join(tmpdir(), "wharf-applyset-"))
    writeFileSync(join(dir, "kubeconfig"), kube.kubeconfig)
    writeFileSync(
      join(dir, "stray.yaml"),
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: stray\n  namespace: ${NS}\n`
    )
    const kubectl = await new Promise<{ code: number; err: string }>((resolve) =>
      execFile(
        "/usr/bin/kubectl",
        [
          `--kubeconfig=${join(dir, "kubeconfig")}`,
          "apply",
          "--server-side",
          "--prune",
          "--applyset=configmaps/redis-nun6-applyset",
          "-n",
          NS,
          "-f",
          join(dir, "stray.yaml")
        ],
        { env: { ...process.env, KUBECTL_APPLYSET: "true" }, timeout: 60_000 },
        (e, _out, err) => resolve({ code: e ? Number(e.code ?? 1) : 0, err })
      )
    )
    rmSync(dir, { recursive: true, force: true })
    expect(kubectl.err).toContain('is managed by tooling "wharf"')
    expect(kubectl.code).not.toBe(0)
  })

  it("creates new dependencies too, binds them and starts the dependent once they are ready", async () => {
    const result = await installAndWait(li, {
      tenant: "g-data-team",
      cluster: cluster.id,
      app: "metastore",
      name: "metastore-eln3",
      dependencies: { mysql: { kind: "new", request: { name: "mysql-k2p9" } } }
    })
    expect(result.created.map((i) => i.name)).toEqual(["mysql-k2p9", "metastore-eln3"])
    const metastore = await li.rest<InstanceDetail>("GET", "/apps/metastore-eln3")
    expect(metastore.body.dependencies).toEqual([{ app: "mysql", instance: "mysql-k2p9", status: "ready" }])
    const mysql = await li.rest<InstanceDetail>("GET", "/apps/mysql-k2p9")
    expect(mysql.body.dependents).toEqual([
      { name: "metastore-eln3", app: "metastore", tenant: "g-data-team" }
    ])
    // The dependency's export reached the dependent's environment.
    const sts = (await kube.apps.listNamespacedStatefulSet({ namespace: NS })).items
      .concat([])
      .find((s) => s.metadata?.name?.startsWith("metastore-eln3"))
    const deploy = (await kube.apps.listNamespacedDeployment({ namespace: NS })).items.find((d) =>
      d.metadata?.name?.startsWith("metastore-eln3")
    )
    const env = JSON.stringify((sts ?? deploy)?.spec?.template.spec?.containers[0]?.env)
    expect(env).toContain("mysql-k2p9")

    // An existing instance (green) is used as it is: nothing new for it.
    const again = await preview(li, {
      app: "metastore",
      dependencies: { mysql: { kind: "existing", instance: "mysql-k2p9" } }
    })
    expect(again.body.refusals).toBeUndefined()
    expect(again.body.settings.map((s) => s.app)).toEqual(["metastore"])
    expect(again.body.settings[0]!.dependencies).toEqual([
      { app: "mysql", kind: "existing", instance: "mysql-k2p9" }
    ])
  }, 90_000)

  it("refuses deleting a dependency while a dependent exists, naming it; a cascade lists all removed", async () => {
    const refused = await li.rest("DELETE", "/apps/mysql-k2p9")
    expect(refused.status).toBe(409)
    expect(refused.body.error.message).toContain("metastore-eln3")
    const dry = await li.rest<DeleteResult>("DELETE", "/apps/mysql-k2p9?cascade=true&dryRun=true")
    expect(dry.body.removed).toEqual(["metastore-eln3", "mysql-k2p9"])
    const gone = await li.rest<DeleteResult>("DELETE", "/apps/mysql-k2p9?cascade=true&deleteVolumes=true")
    expect(gone.body.removed).toEqual(["metastore-eln3", "mysql-k2p9"])
    await waitFor(async () => (await li.rest("GET", "/apps/mysql-k2p9")).status === 404, "mysql gone", 30_000)
    await waitFor(
      async () => (await li.rest("GET", "/apps/metastore-eln3")).status === 404,
      "metastore gone",
      30_000
    )
    const left = await kube.core.listNamespacedService({
      namespace: NS,
      labelSelector: "wharf.io/app-instance=mysql-k2p9"
    })
    expect(left.items).toEqual([])
  }, 60_000)

  it("scales a role by hand and prunes what a new generation no longer renders", async () => {
    // What an earlier generation made and this one does not: a labelled ConfigMap.
    await kube.core.createNamespacedConfigMap({
      namespace: NS,
      body: {
        metadata: { name: "redis-nun6-old", labels: { "wharf.io/app-instance": "redis-nun6" } },
        data: { a: "b" }
      }
    })
    const scaled = await li.rest<InstanceDetail>("POST", "/apps/redis-nun6/scale", {
      replicas: { master: 1 }
    })
    expect(scaled.status).toBe(200)
    expect(scaled.body.generation).toBe(redis.generation + 1)
    await waitFor(async () => {
      const sts = await kube.apps.readNamespacedStatefulSet({ name: "redis-nun6-master", namespace: NS })
      return sts.spec?.replicas === 1
    }, "one master")
    await waitFor(
      async () =>
        (await kube.core.listNamespacedConfigMap({ namespace: NS })).items.every(
          (c) => c.metadata?.name !== "redis-nun6-old"
        ),
      "the stray ConfigMap pruned"
    )
    const badRole = await li.rest("POST", "/apps/redis-nun6/scale", { replicas: { nope: 1 } })
    expect(badRole.status).toBe(400)
    expect(JSON.stringify(badRole.body)).toContain("nope")

    // A change of settings: its preview is a diff against what runs.
    const diff = await li.rest<Preview>("POST", "/apps/redis-nun6/preview", {
      values: { "master.memory": 2048 }
    })
    const sts = diff.body.objects.find((o) => o.kind === "StatefulSet")!
    expect(sts.change).toBe("update")
    expect(sts.diff).toContain("+")
    expect(sts.diff).toContain("2048Mi")
    const updated = await li.rest<InstanceDetail>("PATCH", "/apps/redis-nun6", {
      values: { "master.memory": 2048 }
    })
    expect(updated.body.values["master.memory"]).toBe(2048)
  }, 60_000)

  it("keeps another tenant's apps absent (404) unless visible to all: then use only", async () => {
    expect((await anna.rest("GET", "/apps/redis-nun6")).status).toBe(404)
    expect((await anna.rest("DELETE", "/apps/redis-nun6")).status).toBe(404)
    expect((await anna.rest("POST", "/apps/redis-nun6/scale", { replicas: { master: 2 } })).status).toBe(404)
    const list = await anna.rest<{ items: Instance[] }>("GET", "/apps")
    expect(list.body.items.map((i) => i.name)).not.toContain("redis-nun6")
    // Anna may not install into data-team at all.
    const intoB = await anna.rest<Preview>("POST", "/apps/preview", {
      tenant: "g-data-team",
      cluster: cluster.id,
      app: "redis"
    })
    expect(intoB.status).toBe(404)

    const shared = await installAndWait(li, {
      tenant: "g-data-team",
      cluster: cluster.id,
      app: "mysql",
      name: "mysql-shared",
      visibility: "all"
    })
    expect(shared.instance.visibility).toBe("all")
    const seen = await anna.rest<InstanceDetail>("GET", "/apps/mysql-shared")
    expect(seen.status).toBe(200)
    expect(seen.body.canChange).toBe(false)
    expect((await anna.rest("DELETE", "/apps/mysql-shared")).status).toBe(403)
    // As a dependency: the private one is absent, the shared one is fine (the quota aside).
    const asDep = (instance: string) =>
      anna.rest<Preview>("POST", "/apps/preview", {
        tenant: "g-analytics",
        cluster: cluster.id,
        app: "metastore",
        dependencies: { mysql: { kind: "existing", instance } }
      })
    const privateDep = await asDep("redis-nun6")
    expect(privateDep.body.refusals?.[0]?.path).toBe("dependencies.mysql")
    const sharedDep = await asDep("mysql-shared")
    expect(sharedDep.body.refusals?.some((r) => r.path.startsWith("dependencies"))).toBeFalsy()
  }, 60_000)

  it("lists with the control panel's filters: OR within a dimension, AND across", async () => {
    const all = await li.rest<{ items: Instance[] }>("GET", "/apps")
    expect(all.body.items.map((i) => i.name).sort()).toEqual(["mysql-shared", "redis-nun6"])
    const trpc = await li.trpc["app-catalog"].apps.list.query({
      status: ["ready", "deploying"],
      namespace: [NS]
    })
    expect(trpc.ok).toBe(true)
    const none = await li.rest<{ items: Instance[] }>("GET", `/apps?namespace=${NS}&status=deleting`)
    expect(none.body.items).toEqual([])
    const byCluster = await li.rest<{ items: Instance[] }>("GET", `/apps?cluster=${cluster.id},other`)
    expect(byCluster.body.items).toHaveLength(2)
    const wrong = await li.rest("GET", "/apps?status=sleeping")
    expect(wrong.status).toBe(400)
  })

  it("keeps an app's generated password sealed in the database, and whole in the cluster's Secret", async () => {
    const [row] = await wharf.database.pool<{ secrets: Record<string, string> }[]>`
      select secrets from app_catalog.instances where name = 'mysql-shared'`
    const sealed = row!.secrets["root-password"]!
    expect(sealed).toMatch(/^v1\./)
    const secret = await kube.core.readNamespacedSecret({ name: "mysql-shared-secrets", namespace: NS })
    const inCluster = Object.values(secret.data ?? {}).map((v) => Buffer.from(v, "base64").toString("utf8"))
    const password = inCluster.find((v) => /^[A-Za-z0-9]{24}$/.test(v))
    expect(password).toBeDefined()
    expect(sealed).not.toContain(password)
    expect(JSON.stringify(row)).not.toContain(password)
  })

  it("pages the list in the grouping's order, each heading counting its whole group", async () => {
    const page = (query: string) => li.rest<InstanceList>("GET", `/apps?${query}`)
    const first = await page("group=none&limit=1")
    expect(first.body.items.map((i) => i.name)).toEqual(["mysql-shared"])
    expect(first.body).toMatchObject({ total: 2, groups: [{ key: "", count: 2 }] })
    const second = await page("group=none&limit=1&offset=1")
    expect(second.body.items.map((i) => i.name)).toEqual(["redis-nun6"])
    const byNamespace = await page("group=namespace&limit=1")
    expect(byNamespace.body.groups.reduce((n, g) => n + g.count, 0)).toBe(2)
    expect(byNamespace.body.items).toHaveLength(1)
    expect((await page("limit=0")).status).toBe(400)
    expect((await page("limit=2.5")).status).toBe(400)
    expect((await page("group=tenant")).status).toBe(400)
  })

  it("shows another replica's change within a second or two, though this replica keeps the list", async () => {
    const names = async () =>
      (await li.rest<InstanceList>("GET", "/apps")).body.items.map((i) => `${i.name}:${i.status}`)
    const before = await names()
    // Written straight to the database, as another replica's reconciler would: nothing here is told.
    const sql = wharf.database.pool
    await sql`insert into app_catalog.instances
      (name, app, version, tenant_id, cluster_id, namespace, visibility, values, status, applied_generation)
      values ('redis-rep2', 'redis', '7.2.4', 'g-data-team', ${cluster.id}::uuid, ${NS}, 'tenant', '{}'::jsonb,
        'deploying', 1)`
    const seen = await waitFor(
      async () => (await names()).includes("redis-rep2:deploying"),
      "the new row",
      3000
    )
    expect(seen).toBe(true)
    expect((await names()).length).toBe(before.length + 1)
    await sql`update app_catalog.instances set status = 'ready', updated_at = now() where name = 'redis-rep2'`
    await waitFor(async () => (await names()).includes("redis-rep2:ready"), "the new status", 3000)
    await sql`delete from app_catalog.instances where name = 'redis-rep2'`
    await waitFor(async () => !(await names()).some((n) => n.startsWith("redis-rep2:")), "the row gone", 3000)
  })

  it("opens a component link through Wharf only for those who may see the app", async () => {
    await installAndWait(li, {
      tenant: "g-data-team",
      cluster: cluster.id,
      app: "monitor",
      name: "monitor-ui"
    })
    const detail = await li.rest<InstanceDetail>("GET", "/apps/monitor-ui")
    const url = detail.body.links[0]!.url
    expect(url).toBe("/api/v1/apps/monitor-ui/links/server/9090/")
    const page = await li.request("GET", `${url}graph?range=1h`)
    expect(page.status).toBe(200)
    // Served from Wharf's origin, the app's page runs sandboxed, away from the viewer's session.
    expect(page.headers.get("content-security-policy")).toContain("sandbox")
    const html = await page.text()
    expect(html).toMatch(/Served by pod monitor-ui-server-[a-z0-9-]+ .* port 9090/)
    expect(html).toContain("Path: /graph?range=1h")
    expect((await anna.request("GET", url)).status).toBe(404)
    expect((await wharf.client().request("GET", url)).status).toBe(401)
    // Only a port the definition declares as a link, not any service of the namespace.
    expect((await li.request("GET", "/api/v1/apps/monitor-ui/links/server/22/")).status).toBe(404)
  }, 60_000)

  it("lists the Kubernetes events of the app's objects and pods, newest first", async () => {
    const events = await li.rest<InstanceKubeEvents>("GET", "/apps/redis-nun6/events")
    expect(events.status).toBe(200)
    const objects = events.body.items.map((e) => e.object)
    expect(objects).toEqual(expect.arrayContaining([expect.stringMatching(/^Pod\/redis-nun6-master-\d$/)]))
    // Another instance's events (monitor-ui's, mysql-shared's) are not among them.
    expect(objects.every((o) => o.includes("redis-nun6-"))).toBe(true)
    expect(events.body.items.map((e) => e.reason)).toContain("Scheduled")
    const times = events.body.items.map((e) => e.time ?? "")
    expect(times).toEqual([...times].sort().reverse())
    const trpc = await li.trpc["app-catalog"].apps.events.query({ name: "redis-nun6" })
    expect(trpc.ok && trpc.data.items.length).toBe(events.body.items.length)
    expect((await anna.rest("GET", "/apps/redis-nun6/events")).status).toBe(404)
  })

  it("the console's wizard and control panel work over tRPC: preview, install, preview a change, update, scale, delete", async () => {
    const apps = li.trpc["app-catalog"].apps
    const name = "redis-console"
    const request = { tenant: NS, cluster: cluster.id, app: "redis", name, values: { "master.replicas": 1 } }
    const previewed = await apps.preview.mutate(request)
    expect(previewed.ok && previewed.data.settings[0]!.name).toBe(name)
    expect((await apps.install.mutate(request)).ok).toBe(true)
    await waitFor(
      async () => {
        const got = await apps.get.query({ name })
        return got.ok && got.data.status === "ready"
      },
      `${name} ready`,
      45_000
    )
    const change = { name, values: { "master.memory": 2048 } }
    const diff = await apps.previewUpdate.mutate(change)
    expect(diff.ok && diff.data.objects.some((o) => o.kind === "StatefulSet")).toBe(true)
    expect((await apps.update.mutate(change)).ok).toBe(true)
    const scaled = await apps.scale.mutate({ name, replicas: { master: 2 } })
    expect(scaled.ok).toBe(true)
    await waitFor(async () => {
      const sts = await kube.apps.readNamespacedStatefulSet({ name: `${name}-master`, namespace: NS })
      return sts.spec?.replicas === 2
    }, "two masters")
    expect((await apps.delete.mutate({ name, deleteVolumes: true })).ok).toBe(true)
    await waitFor(async () => {
      const got = await apps.get.query({ name })
      return !got.ok && got.error.httpStatus === 404
    }, `${name} gone`)
  }, 90_000)
})
