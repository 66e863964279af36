/**
 * @module An app definition: what an app is (name, version, vendor, description), what it
 * runs (roles with their workloads), what a user may configure (typed fields grouped into the
 * wizard's tabs), what it needs (dependencies) and what it gives its dependents (exports).
 * Definitions are data, decoded by this schema, whether they come from the built-in catalog,
 * a vendor's catalog plugin or (later) an app published in the console.
 */
import { Schema } from "effect"
import { referencesOf } from "./template"

const nonEmpty = (max: number) =>
  Schema.String.pipe(
    Schema.check(
      Schema.isMinLength(1, { message: "must not be empty" }),
      Schema.isMaxLength(max, { message: `must be at most ${max} characters` })
    )
  )

/** A DNS-1035 label: what Kubernetes accepts in a Service name, so in every name we derive. */
const dnsLabel = (max: number) =>
  Schema.String.pipe(
    Schema.check(
      Schema.isPattern(/^[a-z]([-a-z0-9]*[a-z0-9])?$/, {
        message:
          "must be lowercase letters, digits or dashes, start with a letter and end with a letter or digit"
      }),
      Schema.isMaxLength(max, { message: `must be at most ${max} characters` })
    )
  )

/** Text in both languages the console speaks. */
export const LocalizedText = Schema.Struct({ "zh-CN": nonEmpty(2000), en: nonEmpty(2000) })
export type LocalizedText = typeof LocalizedText.Type

const Port = Schema.Number.pipe(
  Schema.check(Schema.isInt(), Schema.isBetween({ minimum: 1, maximum: 65535 }))
)

export const ContainerPort = Schema.Struct({
  name: dnsLabel(15),
  port: Port,
  protocol: Schema.optional(Schema.Literals(["TCP", "UDP"]))
})
export type ContainerPort = typeof ContainerPort.Type

/** How Kubernetes asks whether a container is alive or ready (the publish form's health check). */
const ProbeCheck = Schema.Union([
  Schema.Struct({ http: Schema.Struct({ path: nonEmpty(512), port: Port }) }),
  Schema.Struct({ tcp: Schema.Struct({ port: Port }) }),
  Schema.Struct({ exec: Schema.Struct({ command: Schema.Array(nonEmpty(1024)) }) })
])
export type ProbeCheck = typeof ProbeCheck.Type

export const Probe = Schema.Struct({
  check: ProbeCheck,
  initialDelaySeconds: Schema.optional(
    Schema.Number.pipe(Schema.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(0)))
  ),
  periodSeconds: Schema.optional(
    Schema.Number.pipe(Schema.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(1)))
  )
})
export type Probe = typeof Probe.Type

/**
 * An environment variable. Its value is a template: `{{instance}}`, `{{namespace}}`,
 * `{{values.<field>}}`, `{{secrets.<name>}}`, `{{deps.<app>.<export>}}` (empty when an optional
 * dependency is not installed). A value that uses a secret goes into the instance's Secret.
 */
export const EnvVar = Schema.Struct({
  name: Schema.String.pipe(
    Schema.check(
      Schema.isPattern(/^[A-Za-z_][A-Za-z0-9_.-]*$/, { message: "must be a valid environment variable name" })
    )
  ),
  value: Schema.String
})
export type EnvVar = typeof EnvVar.Type

/** A persistent data volume: a PVC per pod (StatefulSet) or one PVC (Deployment). */
const DataVolume = Schema.Struct({
  name: dnsLabel(15),
  mountPath: nonEmpty(512),
  /** Default size in MiB; the field `<role>.storage` overrides it when the definition has one. */
  sizeMiB: Schema.Number.pipe(Schema.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(1)))
})
export type DataVolume = typeof DataVolume.Type

export const Resources = Schema.Struct({
  /** Cores, e.g. 0.5. */
  cpu: Schema.Number.pipe(Schema.check(Schema.isGreaterThan(0))),
  /** MiB. */
  memoryMiB: Schema.Number.pipe(Schema.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(4))),
  /** Mbit/s each way; becomes the pods' bandwidth annotations. */
  networkMbps: Schema.optional(
    Schema.Number.pipe(Schema.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(1)))
  )
})
export type Resources = typeof Resources.Type

/** A part of an app that runs as one workload, e.g. Inceptor's master or its executors. */
export const Role = Schema.Struct({
  name: dnsLabel(12),
  label: LocalizedText,
  workload: Schema.Literals(["StatefulSet", "Deployment"]),
  image: nonEmpty(512),
  command: Schema.optional(Schema.Array(Schema.String)),
  args: Schema.optional(Schema.Array(Schema.String)),
  ports: Schema.Array(ContainerPort),
  readiness: Schema.optional(Probe),
  liveness: Schema.optional(Probe),
  env: Schema.Array(EnvVar),
  volumes: Schema.Array(DataVolume),
  resources: Resources,
  replicas: Schema.Number.pipe(Schema.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(0)))
})
export type Role = typeof Role.Type

/**
 * A setting the wizard shows. Keys name what they set: `priority` (the instance's), or
 * `<role>.replicas|cpu|memory|storage|image|env` (a role's own knobs, understood by the
 * renderer), or anything else (then read by templates as `{{values.<key>}}`).
 * Units: cpu in cores, memory and storage in MiB.
 */
const FieldType = Schema.Literals([
  "int",
  "number",
  "cpu",
  "memory",
  "storage",
  "string",
  "enum",
  "boolean",
  "image",
  "env"
])
export type FieldType = typeof FieldType.Type

export const EnvRows = Schema.Array(Schema.Struct({ name: Schema.String, value: Schema.String }))
export type EnvRows = typeof EnvRows.Type

export const FieldValue = Schema.Union([Schema.Number, Schema.String, Schema.Boolean, EnvRows])
export type FieldValue = typeof FieldValue.Type

export const ConfigField = Schema.Struct({
  key: Schema.String.pipe(
    Schema.check(
      Schema.isPattern(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)?$/, {
        message: "must be a name or role.name, like master.memory"
      })
    )
  ),
  type: FieldType,
  label: LocalizedText,
  /** The wizard tab it shows in (an id of `tabs`). */
  tab: dnsLabel(30),
  default: FieldValue,
  min: Schema.optional(Schema.Number),
  max: Schema.optional(Schema.Number),
  /** Shown next to the input, e.g. "MiB", "核". */
  unit: Schema.optional(LocalizedText),
  options: Schema.optional(Schema.Array(Schema.String)),
  help: Schema.optional(LocalizedText)
})
export type ConfigField = typeof ConfigField.Type

export const ConfigTab = Schema.Struct({ id: dnsLabel(30), label: LocalizedText })
export type ConfigTab = typeof ConfigTab.Type

const Dependency = Schema.Struct({
  /** The catalog name of the app depended on. */
  app: dnsLabel(30),
  required: Schema.Boolean
})
export type Dependency = typeof Dependency.Type

/** A way into the app's own UI, e.g. Inceptor's web UI on 4040, through the service proxy. */
const ComponentLink = Schema.Struct({
  label: LocalizedText,
  role: dnsLabel(12),
  port: Port,
  path: Schema.optional(Schema.String)
})
export type ComponentLink = typeof ComponentLink.Type

/** What dependents receive, e.g. a connection URI (a template, like an env value). */
export const Export = Schema.Struct({
  name: Schema.String.pipe(
    Schema.check(Schema.isPattern(/^[a-z][a-zA-Z0-9]*$/, { message: "must be a camelCase name" }))
  ),
  value: Schema.String,
  /** Carried in Secrets only, never in plain env or ConfigMaps. */
  secret: Schema.optional(Schema.Boolean)
})
export type Export = typeof Export.Type

/** A file in the instance's ConfigMap, mounted into the roles named (all when absent). */
const ConfigFile = Schema.Struct({
  name: Schema.String.pipe(
    Schema.check(Schema.isPattern(/^[-._a-zA-Z0-9]+$/, { message: "must be a file name" }))
  ),
  mountPath: nonEmpty(512),
  roles: Schema.optional(Schema.Array(dnsLabel(12))),
  /** A template, like an env value (secrets are refused here: ConfigMaps are not secret). */
  content: Schema.String
})
export type ConfigFile = typeof ConfigFile.Type

/** A secret generated once per instance (a password), kept by Wharf and put in the instance's Secret. */
export const SecretSpec = Schema.Struct({
  name: dnsLabel(30),
  length: Schema.Number.pipe(Schema.check(Schema.isInt(), Schema.isBetween({ minimum: 8, maximum: 128 })))
})
export type SecretSpec = typeof SecretSpec.Type

const AppDefinitionFields = {
  /** Catalog name, unique across catalogs: lowercase, used in generated instance names. */
  name: dnsLabel(30),
  /** As people read it: "Inceptor", "MySQL". */
  title: nonEmpty(60),
  version: nonEmpty(60),
  vendor: nonEmpty(120),
  /** An image URL (https:, /path or data:), or up to 3 letters shown on a coloured tile. */
  icon: nonEmpty(100_000),
  description: LocalizedText,
  tags: Schema.Array(nonEmpty(40)),
  roles: Schema.Array(Role).pipe(
    Schema.check(Schema.isMinLength(1, { message: "an app has at least one role" }))
  ),
  tabs: Schema.Array(ConfigTab),
  fields: Schema.Array(ConfigField),
  dependencies: Schema.Array(Dependency),
  links: Schema.Array(ComponentLink),
  exports: Schema.Array(Export),
  configFiles: Schema.Array(ConfigFile),
  secrets: Schema.Array(SecretSpec)
}

export const AppDefinition = Schema.Struct(AppDefinitionFields).pipe(
  Schema.check(Schema.makeFilter((d: AppDefinitionShape) => definitionProblems(d)))
)
type AppDefinitionShape = Schema.Struct<typeof AppDefinitionFields>["Type"]
export type AppDefinition = AppDefinitionShape

/** What the field schemas alone cannot say: references inside the definition must resolve. */
const definitionProblems = (
  d: AppDefinitionShape
): ReadonlyArray<{ path: ReadonlyArray<string | number>; issue: string }> => {
  const problems: Array<{ path: ReadonlyArray<string | number>; issue: string }> = []
  const roles = new Set(d.roles.map((r) => r.name))
  const tabs = new Set(d.tabs.map((t) => t.id))
  const seen = new Set<string>()
  if (roles.size !== d.roles.length) problems.push({ path: ["roles"], issue: "role names must be unique" })
  d.fields.forEach((f, i) => {
    if (seen.has(f.key)) problems.push({ path: ["fields", i, "key"], issue: `"${f.key}" appears twice` })
    seen.add(f.key)
    if (!tabs.has(f.tab)) problems.push({ path: ["fields", i, "tab"], issue: `no tab "${f.tab}"` })
    const [role, knob] = f.key.split(".")
    if (knob !== undefined && ROLE_KNOBS.has(knob) && !roles.has(role!))
      problems.push({ path: ["fields", i, "key"], issue: `no role "${role}"` })
    if (f.type === "enum" && !(f.options ?? []).includes(String(f.default)))
      problems.push({ path: ["fields", i, "default"], issue: "must be one of the options" })
  })
  d.links.forEach((l, i) => {
    const role = d.roles.find((r) => r.name === l.role)
    if (!role) problems.push({ path: ["links", i, "role"], issue: `no role "${l.role}"` })
    else if (!role.ports.some((p) => p.port === l.port))
      problems.push({ path: ["links", i, "port"], issue: `role "${l.role}" has no port ${l.port}` })
  })
  d.configFiles.forEach((f, i) => {
    if (f.content.includes("{{secrets."))
      problems.push({ path: ["configFiles", i, "content"], issue: "a ConfigMap must not carry secrets" })
    for (const r of f.roles ?? [])
      if (!roles.has(r)) problems.push({ path: ["configFiles", i, "roles"], issue: `no role "${r}"` })
  })
  if (d.dependencies.some((dep) => dep.app === d.name))
    problems.push({ path: ["dependencies"], issue: "an app cannot depend on itself" })
  const templates: Array<[ReadonlyArray<string | number>, string]> = [
    ...d.roles.flatMap((r, i) =>
      r.env.map(
        (e, j) => [["roles", i, "env", j, "value"], e.value] as [ReadonlyArray<string | number>, string]
      )
    ),
    ...d.roles.flatMap((r, i) =>
      (r.args ?? []).map((a, j) => [["roles", i, "args", j], a] as [ReadonlyArray<string | number>, string])
    ),
    ...d.configFiles.map(
      (f, i) => [["configFiles", i, "content"], f.content] as [ReadonlyArray<string | number>, string]
    ),
    ...d.exports.map((e, i) => [["exports", i, "value"], e.value] as [ReadonlyArray<string | number>, string])
  ]
  for (const [path, template] of templates)
    for (const ref of referencesOf(template)) {
      const problem = referenceProblem(d, ref)
      if (problem) problems.push({ path, issue: problem })
    }
  return problems
}

const referenceProblem = (d: AppDefinitionShape, ref: string): string | undefined => {
  if (ref === "instance" || ref === "namespace") return undefined
  const [kind, ...rest] = ref.split(".")
  const name = rest.join(".")
  if (kind === "values")
    return d.fields.some((f) => f.key === name) ? undefined : `{{${ref}}}: no field "${name}"`
  if (kind === "secrets")
    return d.secrets.some((s) => s.name === name) ? undefined : `{{${ref}}}: no secret "${name}"`
  if (kind === "deps")
    return d.dependencies.some((dep) => dep.app === rest[0]) && rest.length === 2
      ? undefined
      : `{{${ref}}}: must be deps.<dependency>.<export> of a declared dependency`
  return `{{${ref}}} is not something a template can use`
}

/** The per-role settings the renderer understands, as `<role>.<knob>` field keys. */
const ROLE_KNOBS = new Set(["replicas", "cpu", "memory", "storage", "image", "env"])
