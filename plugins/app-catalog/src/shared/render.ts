/**
 * @module The one renderer: (definition, values, bindings, instance, namespace) → the
 * Kubernetes objects of that instance. Pure (same input, same objects, in the same order),
 * so the install preview, the reconciler and the tests agree on what an instance is.
 * A catalog may add a render hook for an app the generic objects do not fit.
 */
import type { AppDefinition, Probe, Role } from "./definition"
import { type Binding, type ExportValue, fill, type TemplateScope } from "./template"
import { priorityOf, type Values } from "./values"

export interface KubeObject {
  readonly apiVersion: string
  readonly kind: string
  readonly metadata: {
    readonly name: string
    readonly namespace?: string
    readonly labels?: Readonly<Record<string, string>>
    readonly annotations?: Readonly<Record<string, string>>
  }
  readonly [key: string]: unknown
}

export interface RenderInput {
  readonly definition: AppDefinition
  /** The instance's name (a DNS label); every object's name starts with it. */
  readonly instance: string
  /** The tenant's namespace, `u-<slug>` or `g-<slug>`. */
  readonly namespace: string
  /** Complete values (see `resolveValues`). */
  readonly values: Values
  /** The instance's generated secrets, by the definition's secret names. */
  readonly secrets: Readonly<Record<string, string>>
  /** Each dependency by app name: the instance bound, or null when not installed. */
  readonly bindings: Readonly<Record<string, Binding | null>>
}

/** A catalog's adjustment for one app: it receives the generic objects and returns the final ones. */
export type RenderHook = (objects: ReadonlyArray<KubeObject>, input: RenderInput) => ReadonlyArray<KubeObject>

export const INSTANCE_LABEL = "wharf.io/app-instance"
const MANAGED_BY = "wharf"

/** The PriorityClass of a tenant priority (0 is the lowest); the tenants plugin keeps them. */
export const priorityClassName = (priority: number): string => `wharf-priority-${priority}`

/** Label values allow [A-Za-z0-9._-], at most 63, starting and ending alphanumeric. */
const labelValue = (text: string): string =>
  text
    .replace(/[^A-Za-z0-9._-]/g, "_")
    .slice(0, 63)
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, "")

/** FNV-1a, so a changed config file changes the pod template and rolls the pods. */
const hash = (text: string): string => {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(16).padStart(8, "0")
}

export const instanceLabels = (definition: AppDefinition, instance: string): Record<string, string> => ({
  "app.kubernetes.io/name": definition.name,
  "app.kubernetes.io/instance": instance,
  "app.kubernetes.io/version": labelValue(definition.version),
  "app.kubernetes.io/managed-by": MANAGED_BY,
  [INSTANCE_LABEL]: instance
})

const workloadName = (instance: string, role: string): string => `${instance}-${role}`
export const serviceName = workloadName
const headlessServiceName = (instance: string, role: string): string => `${instance}-${role}-hl`
const configMapName = (instance: string): string => `${instance}-config`
const secretName = (instance: string): string => `${instance}-secrets`

const probe = (p: Probe | undefined): Record<string, unknown> | undefined => {
  if (!p) return undefined
  const check =
    "http" in p.check
      ? { httpGet: { path: p.check.http.path, port: p.check.http.port } }
      : "tcp" in p.check
        ? { tcpSocket: { port: p.check.tcp.port } }
        : { exec: { command: [...p.check.exec.command] } }
  return {
    ...check,
    ...(p.initialDelaySeconds !== undefined ? { initialDelaySeconds: p.initialDelaySeconds } : {}),
    ...(p.periodSeconds !== undefined ? { periodSeconds: p.periodSeconds } : {})
  }
}

const num = (values: Values, key: string, fallback: number): number => {
  const v = values[key]
  return typeof v === "number" ? v : fallback
}

const cpuQuantity = (cores: number): string => `${Math.round(cores * 1000)}m`

/** A role's effective settings: the definition's defaults under the user's values. */
export const roleSettings = (role: Role, values: Values) => {
  const image = values[`${role.name}.image`]
  const env = values[`${role.name}.env`]
  return {
    replicas: num(values, `${role.name}.replicas`, role.replicas),
    cpu: num(values, `${role.name}.cpu`, role.resources.cpu),
    memoryMiB: num(values, `${role.name}.memory`, role.resources.memoryMiB),
    storageMiB: (volumeSize: number) => num(values, `${role.name}.storage`, volumeSize),
    image: typeof image === "string" && image !== "" ? image : role.image,
    extraEnv: Array.isArray(env) ? env : [],
    networkMbps: role.resources.networkMbps
  }
}

/** Everything the instance gives its dependents, resolved for this instance. */
export const exportsOf = (input: RenderInput): Record<string, ExportValue> => {
  const scope = scopeOf(input)
  return Object.fromEntries(
    input.definition.exports.map((e) => {
      const filled = fill(e.value, scope)
      return [e.name, { value: filled.text, secret: e.secret === true || filled.secret }]
    })
  )
}

const scopeOf = (input: RenderInput): TemplateScope => ({
  instance: input.instance,
  namespace: input.namespace,
  values: input.values,
  secrets: input.secrets,
  bindings: input.bindings
})

export const renderApp = (input: RenderInput, hook?: RenderHook): ReadonlyArray<KubeObject> => {
  const { definition, instance, namespace } = input
  const scope = scopeOf(input)
  const labels = instanceLabels(definition, instance)
  const meta = (name: string, extra: Record<string, string> = {}) => ({
    name,
    namespace,
    labels: { ...labels, ...extra }
  })
  const secretData: Record<string, string> = { ...input.secrets }
  const configData: Record<string, string> = {}
  for (const file of definition.configFiles) configData[file.name] = fill(file.content, scope).text
  const configHash = hash(JSON.stringify(configData))
  const priority = priorityOf(input.values)

  const services: KubeObject[] = []
  const claims: KubeObject[] = []
  const workloads: KubeObject[] = []

  for (const role of definition.roles) {
    const s = roleSettings(role, input.values)
    const name = workloadName(instance, role.name)
    const roleLabels = { "app.kubernetes.io/component": role.name }
    const selector = { [INSTANCE_LABEL]: instance, "app.kubernetes.io/component": role.name }
    const env = [...role.env, ...s.extraEnv].map((e) => {
      const filled = fill(e.value, scope)
      if (!filled.secret) return { name: e.name, value: filled.text }
      const key = `env.${role.name}.${e.name}`
      secretData[key] = filled.text
      return { name: e.name, valueFrom: { secretKeyRef: { name: secretName(instance), key } } }
    })
    const files = definition.configFiles.filter((f) => f.roles === undefined || f.roles.includes(role.name))
    const volumes: Record<string, unknown>[] = files.map((f, i) => ({
      name: `config-${i}`,
      configMap: { name: configMapName(instance), items: [{ key: f.name, path: f.name }] }
    }))
    const mounts: Record<string, unknown>[] = files.map((f, i) => ({
      name: `config-${i}`,
      mountPath: `${f.mountPath.replace(/\/$/, "")}/${f.name}`,
      subPath: f.name
    }))
    for (const v of role.volumes) mounts.push({ name: v.name, mountPath: v.mountPath })
    const storage = (sizeMiB: number) => ({
      accessModes: ["ReadWriteOnce"],
      resources: { requests: { storage: `${s.storageMiB(sizeMiB)}Mi` } }
    })
    if (role.workload === "Deployment")
      for (const v of role.volumes) {
        const claim = `${name}-${v.name}`
        claims.push({
          apiVersion: "v1",
          kind: "PersistentVolumeClaim",
          metadata: meta(claim, roleLabels),
          spec: storage(v.sizeMiB)
        })
        volumes.push({ name: v.name, persistentVolumeClaim: { claimName: claim } })
      }

    const annotations: Record<string, string> = { "wharf.io/config-hash": configHash }
    if (s.networkMbps !== undefined) {
      annotations["kubernetes.io/ingress-bandwidth"] = `${s.networkMbps}M`
      annotations["kubernetes.io/egress-bandwidth"] = `${s.networkMbps}M`
    }
    const quantities = { cpu: cpuQuantity(s.cpu), memory: `${s.memoryMiB}Mi` }
    const container: Record<string, unknown> = {
      name: role.name,
      image: s.image,
      ...(role.command ? { command: [...role.command] } : {}),
      ...(role.args ? { args: role.args.map((a) => fill(a, scope).text) } : {}),
      ports: role.ports.map((p) => ({ name: p.name, containerPort: p.port, protocol: p.protocol ?? "TCP" })),
      env,
      resources: { requests: quantities, limits: quantities },
      volumeMounts: mounts
    }
    const readiness = probe(role.readiness)
    const liveness = probe(role.liveness)
    if (readiness) container.readinessProbe = readiness
    if (liveness) container.livenessProbe = liveness
    const template = {
      metadata: { labels: { ...labels, ...roleLabels }, annotations },
      spec: {
        priorityClassName: priorityClassName(priority),
        containers: [container],
        volumes
      }
    }

    if (role.ports.length > 0) {
      const ports = role.ports.map((p) => ({
        name: p.name,
        port: p.port,
        targetPort: p.port,
        protocol: p.protocol ?? "TCP"
      }))
      services.push({
        apiVersion: "v1",
        kind: "Service",
        metadata: meta(serviceName(instance, role.name), roleLabels),
        spec: { type: "ClusterIP", selector, ports }
      })
      if (role.workload === "StatefulSet")
        services.push({
          apiVersion: "v1",
          kind: "Service",
          metadata: meta(headlessServiceName(instance, role.name), roleLabels),
          spec: { clusterIP: "None", publishNotReadyAddresses: true, selector, ports }
        })
    }

    workloads.push(
      role.workload === "StatefulSet"
        ? {
            apiVersion: "apps/v1",
            kind: "StatefulSet",
            metadata: meta(name, roleLabels),
            spec: {
              replicas: s.replicas,
              serviceName: headlessServiceName(instance, role.name),
              podManagementPolicy: "Parallel",
              selector: { matchLabels: selector },
              template,
              volumeClaimTemplates: role.volumes.map((v) => ({
                metadata: { name: v.name, labels: { ...labels, ...roleLabels } },
                spec: storage(v.sizeMiB)
              }))
            }
          }
        : {
            apiVersion: "apps/v1",
            kind: "Deployment",
            metadata: meta(name, roleLabels),
            spec: {
              replicas: s.replicas,
              selector: { matchLabels: selector },
              // Data volumes are ReadWriteOnce: the old pod lets go before the new one starts.
              strategy: { type: role.volumes.length > 0 ? "Recreate" : "RollingUpdate" },
              template
            }
          }
    )
  }

  const objects: KubeObject[] = []
  if (definition.configFiles.length > 0)
    objects.push({
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: meta(configMapName(instance)),
      data: configData
    })
  if (Object.keys(secretData).length > 0)
    objects.push({
      apiVersion: "v1",
      kind: "Secret",
      metadata: meta(secretName(instance)),
      type: "Opaque",
      stringData: secretData
    })
  objects.push(...claims, ...services, ...workloads)
  return hook ? hook(objects, input) : objects
}
