/**
 * @module Installed app instances on the wire: what the install wizard, the control panel,
 * REST and the CLI send (decoded by these schemas at the edge) and what they get back.
 * An instance is named by its `name` everywhere (unique across Wharf, like `redis-nun6`), so
 * the CLI's `--dependency metastore=existing:metastore-eln3` and the console's URLs agree.
 * Lengths are bounded here; what needs the catalog or the database (a name's form, a field's
 * range, a dependency the tenant may use) is checked by the service, so the message names the
 * field in the viewer's language.
 */
import { WholeNumberFromString } from "@wharf/core/schemas"
import { Schema } from "effect"
import { FieldValue } from "./definition"

const Text = (max: number) =>
  Schema.String.pipe(Schema.check(Schema.isMaxLength(max, { message: `must be at most ${max} characters` })))

/** An instance's name: a DNS label of at most 36 (checked by the service with the reason). */
const InstanceName = Text(63)

export const Visibility = Schema.Literals(["all", "tenant"])
/** "all": any tenant may use it as a dependency (not change it); "tenant": its tenant only. */
export type Visibility = typeof Visibility.Type

/** Settings by field key (`priority`, `master.memory`, …); CLI text like "4Gi" is read in the field's unit. */
const InstallValues = Schema.Record(Schema.String, FieldValue)
export type InstallValues = typeof InstallValues.Type

/**
 * A new instance as configured in the wizard. A new dependency is created in the same tenant
 * and cluster as the instance that needs it, so it carries no tenant or cluster of its own.
 */
export interface InstanceRequest {
  readonly name?: string | undefined
  readonly visibility?: Visibility | undefined
  readonly values?: InstallValues | undefined
  readonly dependencies?: Readonly<Record<string, DependencyChoice>> | undefined
}

/** Per dependency (by the app depended on): a new instance, an existing one, or none (optional ones only). */
export type DependencyChoice =
  | { readonly kind: "new"; readonly request: InstanceRequest }
  | { readonly kind: "existing"; readonly instance: string }
  | { readonly kind: "none" }

const InstanceRequestFields = {
  name: Schema.optional(InstanceName),
  visibility: Schema.optional(Visibility),
  values: Schema.optional(InstallValues),
  dependencies: Schema.optional(
    Schema.Record(
      Text(60),
      Schema.suspend((): Schema.Codec<DependencyChoice> => DependencyChoice)
    )
  )
}

export const InstanceRequest: Schema.Codec<InstanceRequest> = Schema.Struct(InstanceRequestFields)

export const DependencyChoice: Schema.Codec<DependencyChoice> = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("new"), request: InstanceRequest }),
  Schema.Struct({ kind: Schema.Literal("existing"), instance: InstanceName }),
  Schema.Struct({ kind: Schema.Literal("none") })
])

/** Install `app` for `tenant` on `cluster`; unspecified dependencies are new ones with defaults. */
export const InstallRequest = Schema.Struct({
  app: Text(60),
  tenant: Text(100),
  cluster: Text(100),
  ...InstanceRequestFields
})
export type InstallRequest = typeof InstallRequest.Type

/** The tRPC install: the request and, for retries, the key REST takes as the Idempotency-Key header. */
export const InstallInput = Schema.Struct({
  ...InstallRequest.fields,
  idempotencyKey: Schema.optional(Text(200))
})
export type InstallInput = typeof InstallInput.Type

/** A change to an installed instance's settings: a new generation rolled out. */
export const UpdateRequest = Schema.Struct({ name: InstanceName, values: InstallValues })
export type UpdateRequest = typeof UpdateRequest.Type

/** Replicas per role, e.g. `{ executor: 5 }` (CAT-7, by hand). */
export const ScaleRequest = Schema.Struct({
  name: InstanceName,
  replicas: Schema.Record(Text(12), Schema.Number)
})
export type ScaleRequest = typeof ScaleRequest.Type

/**
 * Delete an instance. Refused while others depend on it unless `cascade` (the dependents go
 * too, and the answer lists everything removed); `dryRun` only lists it. Data volumes (PVCs)
 * are kept unless `deleteVolumes`.
 */
export const DeleteRequest = Schema.Struct({
  name: InstanceName,
  cascade: Schema.optional(Schema.Boolean),
  deleteVolumes: Schema.optional(Schema.Boolean),
  dryRun: Schema.optional(Schema.Boolean)
})
export type DeleteRequest = typeof DeleteRequest.Type

export const InstanceNameInput = Schema.Struct({ name: InstanceName })

export const INSTANCE_STATUSES = ["deploying", "ready", "degraded", "failed", "deleting"] as const
export const InstanceStatus = Schema.Literals(INSTANCE_STATUSES)
export type InstanceStatus = typeof InstanceStatus.Type

const Filter = Schema.optional(Schema.Array(Text(100)))

/** Cards on a page of the control panel, at most. */
export const LIST_PAGE_MAX = 200

/** How the control panel may group its cards (see ./grouping.ts). */
export const GROUPINGS = ["cluster", "status", "namespace", "none"] as const
export type Grouping = (typeof GROUPINGS)[number]
const Group = Schema.optional(Schema.Literals(GROUPINGS))
const between = (minimum: number, maximum: number) =>
  Schema.optional(Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum, maximum }))))

/**
 * The control panel's filters: OR within a dimension, AND across; a dimension left out (or
 * empty) does not filter. Over REST each is a comma list: `?status=ready,degraded`.
 */
export const InstanceListQuery = Schema.Struct({
  cluster: Filter,
  status: Schema.optional(Schema.Array(InstanceStatus)),
  namespace: Filter,
  tenant: Schema.optional(Text(100)),
  app: Schema.optional(Text(60)),
  q: Schema.optional(Text(200)),
  /**
   * A page of the list in a grouping's order (default cluster): `limit` instances from
   * `offset`; without `limit`, every instance (the CLI and REST clients that want them all).
   */
  group: Group,
  limit: between(1, LIST_PAGE_MAX),
  offset: between(0, 1_000_000)
})
export type InstanceListQuery = typeof InstanceListQuery.Type

/** The same filters over REST, each a comma list (`?status=ready,degraded&cluster=<id>`). */
export const InstanceListRestQuery = Schema.Struct({
  cluster: Schema.optional(Text(2000)),
  status: Schema.optional(Text(200)),
  namespace: Schema.optional(Text(2000)),
  tenant: Schema.optional(Text(100)),
  app: Schema.optional(Text(60)),
  q: Schema.optional(Text(200)),
  group: Group,
  limit: Schema.optional(WholeNumberFromString(1, LIST_PAGE_MAX)),
  offset: Schema.optional(WholeNumberFromString(0, 1_000_000))
})

/** Existing instances of `app` that `tenant` may bind on `cluster` (the wizard's green choices). */
export const DependencyOptionsQuery = Schema.Struct({ tenant: Text(100), cluster: Text(100), app: Text(60) })

// ---- answers -------------------------------------------------------------------------------

/** A dependency as bound: the instance serving it, or null for an optional one not installed. */
export interface DependencyBinding {
  readonly app: string
  readonly instance: string | null
  /** Its status, so the app page can say what a deploying dependent waits for. */
  readonly status: InstanceStatus | null
}

export interface DependentRef {
  readonly name: string
  readonly app: string
  readonly tenant: string
}

export interface Instance {
  readonly id: string
  readonly name: string
  /** The catalog app and the version installed. */
  readonly app: string
  readonly title: string
  readonly version: string
  readonly tenant: string
  readonly cluster: string
  readonly clusterName: string
  readonly namespace: string
  readonly visibility: Visibility
  readonly status: InstanceStatus
  /** Why it is degraded or failed, e.g. "CrashLoopBackOff: master-0", in words. */
  readonly reason?: string | undefined
  /** Dependencies it waits for before it starts (instance names). */
  readonly waitingFor?: ReadonlyArray<string> | undefined
  readonly dependencies: ReadonlyArray<DependencyBinding>
  readonly dependents: ReadonlyArray<DependentRef>
  /** Bumped by every change of settings; the reconciler applies generations in order. */
  readonly generation: number
  readonly createdAt: string
  readonly updatedAt: string
}

/** The app page: the instance, its complete settings, its roles' replicas and its component links. */
export interface InstanceDetail extends Instance {
  readonly values: Readonly<Record<string, FieldValue>>
  readonly roles: ReadonlyArray<{ readonly name: string; readonly replicas: number; readonly ready: number }>
  /** The app's own web UIs through Wharf's service proxy (only those who may see the app get them). */
  readonly links: ReadonlyArray<{ readonly label: { "zh-CN": string; en: string }; readonly url: string }>
  /** Whether the viewer may change and delete it (a visible-to-all app of another tenant: use only). */
  readonly canChange: boolean
}

export interface InstanceList {
  /** This page's instances, in the grouping's order. */
  readonly items: ReadonlyArray<Instance>
  /** How many instances match the filters (every page's). */
  readonly total: number
  /** Each group's key and size over every page, in order: a heading counts its whole group. */
  readonly groups: ReadonlyArray<{ readonly key: string; readonly count: number }>
  /** The values each filter offers, from the instances the viewer may see. */
  readonly facets: {
    readonly cluster: ReadonlyArray<{ readonly id: string; readonly name: string }>
    readonly status: ReadonlyArray<InstanceStatus>
    readonly namespace: ReadonlyArray<string>
  }
}

export interface PodContainer {
  readonly name: string
  readonly image: string
  readonly ready: boolean
  readonly restarts: number
  /** "running", "waiting: CrashLoopBackOff", "terminated: Completed". */
  readonly state: string
}

export interface InstancePod {
  readonly name: string
  readonly role: string
  readonly node: string | null
  readonly nodeIP: string | null
  readonly podIP: string | null
  /** The pod's phase, or the waiting reason of a container when there is one. */
  readonly status: string
  readonly ready: boolean
  readonly restarts: number
  readonly containers: ReadonlyArray<PodContainer>
  readonly createdAt: string | null
}

export interface InstancePods {
  readonly clusterId: string
  readonly namespace: string
  readonly pods: ReadonlyArray<InstancePod>
}

/** One instance the install would create (or the change would make), as the preview lists it. */
export interface PlannedSettings {
  /** Where in the request: "inceptor", "inceptor/metastore", "inceptor/metastore/mysql". */
  readonly key: string
  readonly app: string
  readonly title: string
  readonly version: string
  readonly name: string
  readonly tenant: string
  readonly cluster: string
  readonly namespace: string
  readonly visibility: Visibility
  readonly values: Readonly<Record<string, FieldValue>>
  readonly dependencies: ReadonlyArray<{
    readonly app: string
    readonly kind: "new" | "existing" | "none"
    readonly instance: string | null
  }>
  /** What it asks of the tenant's quota at its priority (cores, MiB, MiB, Mbit/s). */
  readonly request: {
    readonly priority: number
    readonly cpu: number
    readonly memory: number
    readonly storage: number
    readonly network: number
  }
}

export interface PreviewObject {
  /** The instance it belongs to. */
  readonly instance: string
  readonly kind: string
  readonly name: string
  readonly namespace: string
  /** As the cluster's server-side dry run returned it (Secrets' data masked). */
  readonly yaml: string
  /** For a change: what happens to it, and a unified diff against what runs. */
  readonly change?: "create" | "update" | "delete" | "unchanged" | undefined
  readonly diff?: string | undefined
}

export interface Refusal {
  /** The request field, e.g. "dependencies.metastore.request.name", or "quota", "cluster". */
  readonly path: string
  readonly message: string
}

/** 安装预览: every setting and the exact objects; refusals say why installing would fail. */
export interface Preview {
  readonly settings: ReadonlyArray<PlannedSettings>
  readonly objects: ReadonlyArray<PreviewObject>
  readonly refusals?: ReadonlyArray<Refusal> | undefined
}

export interface InstallResult {
  /** The instance asked for. */
  readonly instance: Instance
  /** Every instance created, dependencies first (the one asked for last). */
  readonly created: ReadonlyArray<Instance>
  /** True when this answers a retry with the same Idempotency-Key. */
  readonly replayed: boolean
}

export interface DeleteResult {
  /** Every instance removed (or, with dryRun, that would be), dependents first. */
  readonly removed: ReadonlyArray<string>
  readonly volumesDeleted: boolean
}

/** A Kubernetes event of one of the instance's objects (its workloads, pods, services…), for 概述. */
export interface InstanceKubeEvent {
  /** When it last happened (ISO 8601). */
  readonly time: string | null
  readonly type: string
  readonly reason: string
  /** `Kind/name` of the object it is about. */
  readonly object: string
  readonly message: string
  readonly count: number
}

export interface InstanceKubeEvents {
  readonly items: ReadonlyArray<InstanceKubeEvent>
}

/** A live status change, sent over SSE to the control panel and app pages. */
export const InstanceEvent = Schema.Struct({
  name: Schema.String,
  status: InstanceStatus,
  reason: Schema.optional(Schema.String),
  waitingFor: Schema.optional(Schema.Array(Schema.String)),
  generation: Schema.Number,
  /** True when the instance is gone. */
  removed: Schema.optional(Schema.Boolean)
})
export type InstanceEvent = typeof InstanceEvent.Type
