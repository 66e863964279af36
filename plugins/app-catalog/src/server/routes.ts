/** @module The catalog and apps REST API under /api/v1. */
import { decode, defineRoutes, hasRole } from "@wharf/core"
import { Effect, Schema } from "effect"
import {
  DependencyOptionsQuery,
  InstallRequest,
  type InstanceListQuery,
  InstanceListRestQuery,
  type InstanceStatus,
  UpdateRequest
} from "../shared/instances"
import { CatalogQuery } from "../shared/schemas"
import { usableTenants } from "./access"
import { getApp, listApps } from "./catalog"
import { deleteInstance, scaleInstance, updateInstance } from "./changes"
import { instanceEvents } from "./events"
import { install } from "./install"
import { proxyLink } from "./links"
import { instanceEventStream } from "./live"
import { previewInstall, previewUpdate } from "./preview"
import { Reconciler } from "./reconciler"
import { getInstance, instanceManifests, instancePods, listInstances, usableAsDependency } from "./views"

const list = (text: string | undefined) =>
  text
    ?.split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")

const DeleteQuery = Schema.Struct({
  cascade: Schema.optional(Schema.Literals(["true", "false"])),
  deleteVolumes: Schema.optional(Schema.Literals(["true", "false"])),
  dryRun: Schema.optional(Schema.Literals(["true", "false"]))
})
const ValuesBody = Schema.Struct({ values: UpdateRequest.fields.values })
const ReplicasBody = Schema.Struct({ replicas: Schema.Record(Schema.String, Schema.Number) })

export const appCatalogRoutes = defineRoutes((r) =>
  r
    .get(
      "/catalog",
      {
        summary: "Apps that can be installed; ?q= searches, ?tag= keeps one tag",
        access: "user",
        query: CatalogQuery
      },
      ({ query }) => listApps(query)
    )
    .get("/catalog/:name", { summary: "One app with its whole definition", access: "user" }, ({ params }) =>
      getApp(params.name!)
    )
    .post(
      "/apps/preview",
      {
        summary:
          "Install preview: every setting and the objects from a server-side dry run; refusals say why not",
        access: "user",
        body: InstallRequest
      },
      ({ body }) => previewInstall(body)
    )
    .post(
      "/apps",
      {
        summary:
          "Install an app with its new dependencies; a retry with the same Idempotency-Key answers the same",
        access: "user",
        body: InstallRequest,
        status: 201
      },
      ({ body, c }) => install(body, c.req.header("idempotency-key"))
    )
    .get(
      "/apps",
      {
        summary:
          "Installed apps the caller may see; ?cluster=,&status=,&namespace= comma lists (OR within, AND across); ?group= orders them (cluster, status, namespace, none); ?limit=&offset= a page (without limit: all)",
        access: "user",
        query: InstanceListRestQuery
      },
      ({ query }) =>
        Effect.gen(function* () {
          const status = list(query.status)
          const filters: InstanceListQuery = {
            cluster: list(query.cluster),
            status: status ? yield* decode(Schema.Array(InstanceListQuerySchemaStatus))(status) : undefined,
            namespace: list(query.namespace),
            tenant: query.tenant,
            app: query.app,
            q: query.q,
            group: query.group,
            limit: query.limit,
            offset: query.offset
          }
          return yield* listInstances(filters)
        })
    )
    .get(
      "/apps/dependency-options",
      {
        summary: "Existing instances of ?app= that ?tenant= may use as a dependency on ?cluster=",
        access: "user",
        query: DependencyOptionsQuery
      },
      ({ query }) =>
        Effect.map(usableAsDependency(query.tenant, query.cluster, query.app), (items) => ({ items }))
    )
    .get(
      "/apps/events",
      {
        summary: "Server-Sent Events: `instances` with the status changes of instances the caller may see",
        access: "user"
      },
      ({ c, viewer }) =>
        Effect.gen(function* () {
          const tenants = yield* usableTenants
          const reconciler = yield* Reconciler
          const admin = viewer !== null && hasRole(viewer, "admin")
          return instanceEventStream(
            reconciler,
            (change) =>
              admin || tenants === null || tenants.has(change.tenant) || change.visibility === "all",
            c.req.raw.signal
          )
        })
    )
    .get(
      "/apps/:name",
      { summary: "One installed app with its settings, roles and links", access: "user" },
      ({ params }) => getInstance(params.name!)
    )
    .get(
      "/apps/:name/pods",
      { summary: "The app's pods: node IP, containers, status, restarts", access: "user" },
      ({ params }) => instancePods(params.name!)
    )
    .get(
      "/apps/:name/links/:role/:port/*",
      {
        summary:
          "A component link (the app's own web UI) through the cluster's service proxy, for those who may see the app",
        access: "user"
      },
      ({ params, c }) => {
        const marker = `/links/${params.role}/${params.port}`
        const path = c.req.path.slice(c.req.path.indexOf(marker) + marker.length) || "/"
        return proxyLink(params.name!, params.role!, Number(params.port), path, new URL(c.req.url).search)
      }
    )
    .get(
      "/apps/:name/events",
      {
        summary: "The Kubernetes events of the app's objects and pods, newest first",
        access: "user"
      },
      ({ params }) => instanceEvents(params.name!)
    )
    .get(
      "/apps/:name/manifests",
      { summary: "The app's objects as they run, as YAML documents ({ yaml })", access: "user" },
      ({ params }) => instanceManifests(params.name!)
    )
    .post(
      "/apps/:name/preview",
      {
        summary: "Preview a change of settings: each object's diff against what runs",
        access: "user",
        body: ValuesBody
      },
      ({ params, body }) => previewUpdate({ name: params.name!, values: body.values })
    )
    .patch(
      "/apps/:name",
      { summary: "Change settings: a new generation, rolled out", access: "user", body: ValuesBody },
      ({ params, body }) => updateInstance({ name: params.name!, values: body.values })
    )
    .post(
      "/apps/:name/scale",
      {
        summary: "Replicas per role, e.g. { replicas: { executor: 5 } }",
        access: "user",
        body: ReplicasBody
      },
      ({ params, body }) => scaleInstance({ name: params.name!, replicas: body.replicas })
    )
    .delete(
      "/apps/:name",
      {
        summary:
          "Delete; refused while others depend on it unless ?cascade=true; ?deleteVolumes=true; ?dryRun=true lists",
        access: "user"
      },
      ({ params, c }) =>
        Effect.gen(function* () {
          const q = yield* decode(DeleteQuery)(c.req.query())
          return yield* deleteInstance({
            name: params.name!,
            cascade: q.cascade === "true",
            deleteVolumes: q.deleteVolumes === "true",
            dryRun: q.dryRun === "true"
          })
        })
    )
)

const InstanceListQuerySchemaStatus = Schema.Literals([
  "deploying",
  "ready",
  "degraded",
  "failed",
  "deleting"
] satisfies InstanceStatus[])
