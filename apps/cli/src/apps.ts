/**
 * @module `wharf catalog` and `wharf apps`: the app catalog's REST API from the command line
 * (PL-5). `--set role.memory=4Gi` sets a field (read in its unit by the server),
 * `--dependency metastore=existing:NAME|new|none` chooses per dependency, `--preview` shows
 * what would be applied without installing, `-o yaml` prints objects as YAML.
 */
import { randomUUID } from "node:crypto"
import { apiClient, CliError } from "./client"
import { type Output, signedIn, table } from "./commands"

interface Instance {
  name: string
  app: string
  version: string
  tenant: string
  clusterName: string
  namespace: string
  status: string
  reason?: string
  waitingFor?: string[]
}

const row = (i: Instance) => ({
  name: i.name,
  app: i.app,
  version: i.version,
  tenant: i.tenant,
  cluster: i.clusterName,
  namespace: i.namespace,
  status: i.status,
  reason: i.reason ?? (i.waitingFor ? `waiting for ${i.waitingFor.join(", ")}` : "")
})
const COLUMNS = ["name", "app", "version", "tenant", "cluster", "namespace", "status", "reason"]

export const listCatalog = async (out: Output, search: string | undefined) => {
  const q = search ? `?q=${encodeURIComponent(search)}` : ""
  const { items } = await apiClient(signedIn()).rest<{ items: Record<string, unknown>[] }>(
    "GET",
    `/catalog${q}`
  )
  table(out, items, ["name", "title", "version", "vendor", "tags"])
}

/** `role.memory=4Gi` pairs as values. */
const parseSets = (sets: ReadonlyArray<string>): Record<string, string> =>
  Object.fromEntries(
    sets.map((s) => {
      const at = s.indexOf("=")
      if (at <= 0) throw new CliError(`--set ${s}: expected key=value, like master.memory=4Gi`)
      return [s.slice(0, at), s.slice(at + 1)]
    })
  )

/** `metastore=existing:metastore-eln3`, `monitor=none`, `hdfs=new`. */
const parseDependencies = (choices: ReadonlyArray<string>) =>
  Object.fromEntries(
    choices.map((c) => {
      const m = /^([a-z][-a-z0-9]*)=(new|none|existing:([a-z][-a-z0-9]*))$/.exec(c)
      if (!m) throw new CliError(`--dependency ${c}: expected app=new, app=none or app=existing:NAME`)
      const choice =
        m[2] === "new"
          ? { kind: "new", request: {} }
          : m[2] === "none"
            ? { kind: "none" }
            : { kind: "existing", instance: m[3] }
      return [m[1]!, choice]
    })
  )

const tenantOf = async (api: ReturnType<typeof apiClient>, tenant: string | undefined) => {
  if (tenant) return tenant
  const { items } = await api.rest<{ items: { id: string }[] }>("GET", "/tenants")
  if (items.length === 1) return items[0]!.id
  throw new CliError(`Say which tenant with --tenant (${items.map((t) => t.id).join(", ")})`)
}

export interface InstallArgs {
  readonly app: string
  readonly tenant: string | undefined
  readonly cluster: string | undefined
  readonly name: string | undefined
  readonly visibility: string | undefined
  readonly sets: ReadonlyArray<string>
  readonly dependencies: ReadonlyArray<string>
  readonly preview: boolean
  readonly output: string | undefined
  readonly idempotencyKey: string | undefined
}

export const install = async (out: Output, args: InstallArgs) => {
  const api = apiClient(signedIn())
  if (args.visibility && args.visibility !== "all" && args.visibility !== "tenant")
    throw new CliError("--visibility is all or tenant")
  const body = {
    app: args.app,
    tenant: await tenantOf(api, args.tenant),
    cluster: args.cluster ?? "default",
    ...(args.name ? { name: args.name } : {}),
    ...(args.visibility ? { visibility: args.visibility } : {}),
    values: parseSets(args.sets),
    dependencies: parseDependencies(args.dependencies)
  }
  if (args.preview) {
    const p = await api.rest<{
      settings: {
        name: string
        app: string
        values: object
        dependencies: { app: string; kind: string; instance: string | null }[]
        request: Record<string, number>
      }[]
      objects: { instance: string; kind: string; name: string; yaml: string }[]
      refusals?: { path: string; message: string }[]
    }>("POST", "/apps/preview", body)
    if (out.json) return out.line(JSON.stringify(p, null, 2))
    if (args.output === "yaml") return out.line(p.objects.map((o) => o.yaml).join("---\n"))
    table(
      out,
      p.settings.map((s) => ({
        name: s.name,
        app: s.app,
        dependencies: s.dependencies.map((d) => `${d.app}=${d.kind}${d.instance ? `:${d.instance}` : ""}`),
        cpu: s.request.cpu,
        memory: s.request.memory,
        storage: s.request.storage
      })),
      ["name", "app", "dependencies", "cpu", "memory", "storage"]
    )
    out.line("")
    table(out, p.objects, ["instance", "kind", "name"])
    for (const r of p.refusals ?? []) out.line(`refused: ${r.path}: ${r.message}`)
    if (p.refusals?.length) throw new CliError("the install would be refused")
    return
  }
  // One key per invocation: a retry of this command after a lost answer is not a second install.
  const key = args.idempotencyKey ?? randomUUID()
  const result = await api.rest<{ instance: Instance; created: Instance[] }>("POST", "/apps", body, {
    "idempotency-key": key
  })
  if (out.json) return out.line(JSON.stringify(result, null, 2))
  table(out, result.created.map(row), COLUMNS)
}

export const listInstances = async (
  out: Output,
  filters: { cluster?: string | undefined; status?: string | undefined; namespace?: string | undefined }
) => {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v)
  const api = apiClient(signedIn())
  const { items } = await api.rest<{ items: Instance[] }>("GET", `/apps?${params}`)
  if (out.json) return out.line(JSON.stringify(items, null, 2))
  table(out, items.map(row), COLUMNS)
}

export const getInstance = async (out: Output, name: string, output: string | undefined) => {
  const api = apiClient(signedIn())
  const path = `/apps/${encodeURIComponent(name)}`
  if (output === "yaml") return out.line((await api.rest<{ yaml: string }>("GET", `${path}/manifests`)).yaml)
  const detail = await api.rest<Instance & { roles: { name: string; replicas: number; ready: number }[] }>(
    "GET",
    path
  )
  if (out.json) return out.line(JSON.stringify(detail, null, 2))
  table(out, [row(detail)], COLUMNS)
  out.line("")
  table(out, detail.roles, ["name", "replicas", "ready"])
}

/** `master=5 executor=3`. */
export const scale = async (out: Output, name: string, pairs: ReadonlyArray<string>) => {
  const replicas: Record<string, number> = {}
  for (const p of pairs) {
    const m = /^([a-z][-a-z0-9]*)=(\d+)$/.exec(p)
    if (!m) throw new CliError(`${p}: expected role=replicas, like executor=5`)
    replicas[m[1]!] = Number(m[2])
  }
  if (Object.keys(replicas).length === 0) throw new CliError("Say role=replicas, like executor=5")
  const detail = await apiClient(signedIn()).rest<Instance>(
    "POST",
    `/apps/${encodeURIComponent(name)}/scale`,
    {
      replicas
    }
  )
  out.line(out.json ? JSON.stringify(detail, null, 2) : `Scaled ${name}: ${pairs.join(" ")}`)
}

export const remove = async (
  out: Output,
  name: string,
  flags: { cascade: boolean; deleteVolumes: boolean; dryRun: boolean }
) => {
  const params = new URLSearchParams()
  if (flags.cascade) params.set("cascade", "true")
  if (flags.deleteVolumes) params.set("deleteVolumes", "true")
  if (flags.dryRun) params.set("dryRun", "true")
  const result = await apiClient(signedIn()).rest<{ removed: string[]; volumesDeleted: boolean }>(
    "DELETE",
    `/apps/${encodeURIComponent(name)}?${params}`
  )
  if (out.json) return out.line(JSON.stringify(result, null, 2))
  const volumes = result.volumesDeleted ? "volumes deleted" : "volumes kept"
  out.line(`${flags.dryRun ? "Would delete" : "Deleting"} ${result.removed.join(", ")} (${volumes})`)
}
