/**
 * Two replicas on one database: the control panel's live stream on one follows an instance
 * the other's reconciler brings up (CP-7 whichever replica a browser is connected to), and
 * its list shows the instance too. A replica starting seals passwords stored in plain text
 * before sealing existed.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { isSealed } from "@wharf/core"
import { testBackends } from "@wharf/core/testing"
import type { ClusterSummary } from "@wharf/plugin-clusters/shared"
import { eventReader, type StreamEvent, startTestWharf, type TestWharf } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { InstanceEvent, InstanceList } from "../shared/instances"
import { passwordsOf } from "./store"
import { appApis, installAndWait, PLUGINS, signedIn, waitFor } from "./testing/helpers"

const NS = "g-data-team"

describe.each(testBackends())("live status across replicas on $name", (backend) => {
  let first: TestWharf
  let second: TestWharf
  let cluster: ClusterSummary

  beforeAll(async () => {
    first = await startTestWharf({ backend, plugins: PLUGINS, demo: true })
    const admin = first.client()
    await admin.signIn()
    cluster = (await admin.rest<{ items: ClusterSummary[] }>("GET", "/clusters")).body.items[0]!
    await admin.rest("POST", "/quotas", { type: "leasee", subject: "data-team", clusterId: cluster.id })
    const kube = await appApis(first, cluster.id)
    await waitFor(() => kube.core.readNamespace({ name: NS }), "the tenant's namespace")
    // A row from before passwords were sealed.
    await first.database.pool`insert into app_catalog.instances
      (name, app, version, tenant_id, cluster_id, namespace, visibility, values, secrets, status)
      values ('mysql-old', 'mysql', '8.0.36', 'g-data-team', ${cluster.id}::uuid, ${NS}, 'tenant',
        '{}'::jsonb, '{"root-password":"plain-Pw-1234"}'::jsonb, 'ready')`
    // The second replica shares the database and the master secret, not the data folder.
    second = await startTestWharf({
      backend,
      plugins: PLUGINS,
      databaseUrl: first.databaseUrl,
      env: {
        WHARF_SECRET_KEY: readFileSync(join(first.dataDir, "secret.key"), "utf8"),
        WHARF_KUBE_SIM: "0"
      }
    })
  }, 90_000)
  afterAll(async () => {
    await second?.stop()
    await first?.stop()
  })

  it("a replica starting seals the passwords stored in plain text, and they still open", async () => {
    const [row] = await second.database.pool<{ secrets: Record<string, string> }[]>`
      select secrets from app_catalog.instances where name = 'mysql-old'`
    const stored = row!.secrets["root-password"]!
    expect(isSealed(stored)).toBe(true)
    expect(stored).not.toContain("plain-Pw-1234")
    const opened = await first.runtime.runPromise(passwordsOf({ secrets: row!.secrets }))
    expect(opened).toEqual({ "root-password": "plain-Pw-1234" })
  })

  it("a browser on the second replica sees an instance the first one brings up, live", async () => {
    const watcher = await signedIn(second, "li.wei@example.com")
    const res = await watcher.request("GET", "/api/v1/apps/events")
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/)
    const reader = eventReader(res)
    // Installed through the first replica, whose reconciler applies it and follows its pods.
    await installAndWait(await signedIn(first, "li.wei@example.com"), {
      tenant: "g-data-team",
      cluster: cluster.id,
      app: "redis",
      name: "redis-far"
    })
    const readyFar = (e: StreamEvent) =>
      e.event === "instances" &&
      (e.data as InstanceEvent[]).some((i) => i.name === "redis-far" && i.status === "ready")
    const events = await reader.until((events) => events.some(readyFar))
    expect(events.some(readyFar)).toBe(true)
    await reader.cancel()
    const listed = await watcher.rest<InstanceList>("GET", "/apps")
    expect(listed.body.items.find((i) => i.name === "redis-far")?.status).toBe("ready")
  }, 60_000)
})
