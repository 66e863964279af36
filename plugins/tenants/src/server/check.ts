/**
 * @module `Quotas.check`: does a workload fit what a tenant has left on a cluster at a
 * priority? The app catalog calls it before installing. Refusals say whom to ask (no
 * quota) or the numbers (not enough left), in the viewer's language.
 */
import { Forbidden, NotFound, Unavailable } from "@wharf/core"
import { KubeClients } from "@wharf/plugin-clusters/shared"
import { Effect } from "effect"
import { formatAmount } from "../shared/format"
import type { QuotaRequest } from "../shared/services"
import type { ResourceKind } from "../shared/types"
import { directory } from "./directory"
import { type Say, sayer } from "./say"
import { listQuotas } from "./store"
import { tenantForCaller } from "./tenants"
import { noDb } from "./unavailable"
import { usageOf } from "./usage"

const NAMES: Record<ResourceKind, [string, string]> = {
  cpu: ["CPU", "CPU"],
  memory: ["内存", "memory"],
  storage: ["存储", "storage"],
  network: ["网络带宽", "network bandwidth"]
}

const amount = (say: Say, kind: ResourceKind, n: number) =>
  kind === "cpu"
    ? say(`${formatAmount("cpu", n)} 核`, `${formatAmount("cpu", n)} cores`)
    : formatAmount(kind, n)

/** "需要 6 核 CPU，优先级 0 剩余 4 核" / "Needs 6 cores of CPU; priority 0 has 4 cores left". */
const shortfallMessage = (say: Say, kind: ResourceKind, priority: number, need: number, left: number) =>
  say(
    `需要 ${amount(say, kind, need)} ${NAMES[kind][0]}，优先级 ${priority} 剩余 ${amount(say, kind, left)}`,
    `Needs ${amount(say, kind, need)} of ${NAMES[kind][1]}; priority ${priority} has ${amount(say, kind, left)} left`
  )

export const checkQuota = Effect.fn("Quotas.check")(function* (
  tenantId: string,
  clusterId: string,
  priority: number,
  request: QuotaRequest
) {
  const say = yield* sayer
  const tenant = (yield* tenantForCaller(tenantId)).ref
  const cluster = (yield* (yield* KubeClients).clusters).find((c) => c.id === clusterId)
  if (!cluster) return yield* new NotFound({ message: say("没有这个集群", "No such cluster") })
  const quotas = yield* listQuotas({ clusterId, tenantIds: [tenant.id] })
  if (quotas.length === 0) {
    const admins = yield* (yield* directory).searchUsers({ roles: ["admin"], limit: 3 })
    const who = admins.items.map((u) => u.email).join(", ")
    return yield* new Forbidden({
      message: say(
        `${tenant.name} 在集群 ${cluster.name} 上没有配额，请联系平台管理员${who ? `（${who}）` : ""}创建配额`,
        `${tenant.name} has no quota on cluster ${cluster.name}; ask a platform administrator${who ? ` (${who})` : ""} to create one`
      )
    })
  }
  const quota = quotas.find((q) => q.priority === priority)
  if (!quota) {
    const held = quotas.map((q) => q.priority).join(", ")
    return yield* new Forbidden({
      message: say(
        `${tenant.name} 在集群 ${cluster.name} 上没有优先级 ${priority} 的配额（现有优先级：${held}）`,
        `${tenant.name} has no quota at priority ${priority} on cluster ${cluster.name} (it has priority ${held})`
      )
    })
  }
  const [usage] = (yield* usageOf(tenant, cluster, [quota])).priorities
  const used = usage?.used
  if (!used)
    return yield* new Unavailable({
      message: say(
        `暂时无法读取集群 ${cluster.name} 上的用量，请稍后再试`,
        `The usage on cluster ${cluster.name} cannot be read right now; try again shortly`
      )
    })
  // Storage is one quota for the tenant on the cluster, whatever the priority.
  const storageHard = quotas.reduce((s, q) => s + q.storage, 0)
  const left: Record<ResourceKind, number> = {
    cpu: Math.max(0, Math.round((quota.cpu - used.cpu) * 1000) / 1000),
    memory: Math.max(0, quota.memory - used.memory),
    storage: Math.max(0, storageHard - used.storage),
    network: Math.max(0, quota.network - used.network)
  }
  const short = (["cpu", "memory", "storage", "network"] as const).filter((k) => request[k] > left[k])
  if (short.length > 0)
    return yield* new Forbidden({
      message: short.map((k) => shortfallMessage(say, k, priority, request[k], left[k])).join(say("；", "; "))
    })
}, noDb)
