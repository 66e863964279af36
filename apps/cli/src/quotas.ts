/** @module `wharf tenants` and `wharf quotas`: the tenants plugin's REST API from the command line. */
import { apiClient, CliError } from "./client"
import { type Output, signedIn, table } from "./commands"

interface QuotaRow {
  id: string
  tenant: { id: string; name: string }
  clusterName: string
  priority: number
  cpu: number
  memory: number
  storage: number
  network: number
}

const flat = (q: QuotaRow) => ({
  id: q.id,
  tenant: q.tenant.id,
  name: q.tenant.name,
  cluster: q.clusterName,
  priority: q.priority,
  cpu: q.cpu,
  memory: q.memory,
  storage: q.storage,
  network: q.network
})
const QUOTA_COLUMNS = ["id", "tenant", "cluster", "priority", "cpu", "memory", "storage", "network"]

export type QuotaNumbers = Partial<Record<"priority" | "cpu" | "memory" | "storage" | "network", number>>

/** `--cpu 4` and friends as numbers; a word where a number belongs is refused here. */
export const quotaNumbers = (values: Record<string, unknown>): QuotaNumbers => {
  const out: QuotaNumbers = {}
  for (const k of ["priority", "cpu", "memory", "storage", "network"] as const) {
    const v = values[k]
    if (v === undefined) continue
    const n = Number(v)
    if (!Number.isFinite(n)) throw new CliError(`--${k} must be a number, not "${v}"`)
    out[k] = n
  }
  return out
}

export const listTenants = async (out: Output, search: string | undefined) => {
  const q = search ? `?search=${encodeURIComponent(search)}` : ""
  const { items } = await apiClient(signedIn()).rest<{ items: Record<string, unknown>[] }>(
    "GET",
    `/tenants${q}`
  )
  table(out, items, ["id", "kind", "name", "adminEmail", "userCount", "description"])
}

const clusterIdOf = async (api: ReturnType<typeof apiClient>, cluster: string | undefined) => {
  const { items } = await api.rest<{ items: { id: string; name: string }[] }>("GET", "/clusters")
  if (!cluster) {
    if (items.length === 1) return items[0]!.id
    throw new CliError(`Say which cluster with --cluster (${items.map((c) => c.name).join(", ")})`)
  }
  const found = items.find((c) => c.name === cluster || c.id === cluster)
  if (!found) throw new CliError(`No cluster named ${cluster}`)
  return found.id
}

export const listQuotas = async (out: Output, cluster: string | undefined, search: string | undefined) => {
  const api = apiClient(signedIn())
  const params = new URLSearchParams()
  if (cluster) params.set("clusterId", await clusterIdOf(api, cluster))
  if (search) params.set("search", search)
  const { items } = await api.rest<{ items: QuotaRow[] }>("GET", `/quotas?${params}`)
  table(out, items.map(flat), QUOTA_COLUMNS)
}

export const createQuota = async (
  out: Output,
  args: { type: string; subject: string; cluster: string | undefined; numbers: QuotaNumbers }
) => {
  if (args.type !== "user" && args.type !== "leasee") throw new CliError("--type is user or leasee")
  const api = apiClient(signedIn())
  const row = await api.rest<QuotaRow>("POST", "/quotas", {
    type: args.type,
    subject: args.subject,
    clusterId: await clusterIdOf(api, args.cluster),
    ...args.numbers
  })
  out.line(
    out.json
      ? JSON.stringify(row, null, 2)
      : `Created quota ${row.id}: ${row.tenant.id} priority ${row.priority} on ${row.clusterName}`
  )
}

export const setQuota = async (out: Output, id: string, numbers: QuotaNumbers) => {
  if (Object.keys(numbers).length === 0)
    throw new CliError("Give a value to change: --priority, --cpu, --memory, --storage or --network")
  const row = await apiClient(signedIn()).rest<QuotaRow>(
    "PATCH",
    `/quotas/${encodeURIComponent(id)}`,
    numbers
  )
  if (out.json) return out.line(JSON.stringify(row, null, 2))
  table(out, [flat(row)], QUOTA_COLUMNS)
}

export const deleteQuota = async (out: Output, id: string) => {
  await apiClient(signedIn()).rest("DELETE", `/quotas/${encodeURIComponent(id)}`)
  out.line(out.json ? JSON.stringify({ id }) : `Deleted quota ${id}`)
}
