/**
 * @module Demo quotas, from `demo/quotas.json`: the demo teams and a user get the seed's default
 * quota on the simulated cluster, so the app catalog's demo (and a visitor) can install there.
 * A quota that exists already is left as it is. Only with `WHARF_DEMO_APPS=1` (`npm start` sets it):
 * test servers load the demo users without quotas and make their own.
 */
import { readFileSync } from "node:fs"
import { decode, WharfConfig } from "@wharf/core"
import { KubeClients } from "@wharf/plugin-clusters/shared"
import { Effect, Schema } from "effect"
import { QUOTA_DEFAULTS } from "../shared/schemas"
import { directory } from "./directory"
import { Reconciler } from "./reconciler"
import { ensureTenant, insertQuota } from "./store"

const DemoQuotas = Schema.Struct({
  quotas: Schema.Array(
    Schema.Struct({
      kind: Schema.Literals(["user", "group"]),
      subject: Schema.String,
      cluster: Schema.String,
      priority: Schema.Number
    })
  )
})

export const loadDemoQuotas = Effect.gen(function* () {
  if ((yield* WharfConfig).env.WHARF_DEMO_APPS !== "1") return
  const file = new URL("../../demo/quotas.json", import.meta.url)
  const { quotas } = yield* decode(DemoQuotas)(JSON.parse(readFileSync(file, "utf8")))
  const clusters = yield* (yield* KubeClients).clusters
  const dir = yield* directory
  const reconciler = yield* Reconciler
  for (const q of quotas) {
    // Demo content goes only to a simulated cluster, never to a registered real one.
    const cluster = clusters.find((c) => c.name === q.cluster && c.simulated)
    const subject =
      q.kind === "user"
        ? yield* Effect.map(dir.userByEmail(q.subject), (u) => u && { id: u.id, name: u.email })
        : yield* Effect.map(dir.groupByName(q.subject), (g) => g && { id: g.id, name: g.name })
    if (!cluster || !subject) continue
    const tenant = yield* ensureTenant(q.kind, subject.id, subject.name)
    yield* insertQuota(tenant.id, cluster.id, { ...QUOTA_DEFAULTS, priority: q.priority })
    yield* reconciler.trigger(cluster.id, tenant.id)
  }
})
