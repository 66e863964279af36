/** @module The app-catalog tRPC procedures (`app-catalog.*`), thin over the same services as REST. */
import { authedProcedure, input, router } from "@wharf/core"
import {
  DeleteRequest,
  DependencyOptionsQuery,
  InstallInput,
  InstallRequest,
  InstanceListQuery,
  InstanceNameInput,
  ScaleRequest,
  UpdateRequest
} from "../shared/instances"
import { AppNameInput, CatalogQuery } from "../shared/schemas"
import { getApp, listApps } from "./catalog"
import { deleteInstance, scaleInstance, updateInstance } from "./changes"
import { instanceEvents } from "./events"
import { install } from "./install"
import { previewInstall, previewUpdate } from "./preview"
import { getInstance, instancePods, listInstances, usableAsDependency } from "./views"

const apps = router({
  /** 安装预览: settings and the dry-run objects; refusals instead of an error, for the wizard to show. */
  preview: authedProcedure
    .input(input(InstallRequest))
    .mutation(({ ctx, input }) => ctx.run(previewInstall(input))),
  /** A change's preview: each object's diff against what runs. */
  previewUpdate: authedProcedure
    .input(input(UpdateRequest))
    .mutation(({ ctx, input }) => ctx.run(previewUpdate(input))),
  install: authedProcedure
    .input(input(InstallInput))
    .mutation(({ ctx, input: { idempotencyKey, ...request } }) => ctx.run(install(request, idempotencyKey))),
  list: authedProcedure
    .input(input(InstanceListQuery))
    .query(({ ctx, input }) => ctx.run(listInstances(input))),
  dependencyOptions: authedProcedure
    .input(input(DependencyOptionsQuery))
    .query(({ ctx, input }) => ctx.run(usableAsDependency(input.tenant, input.cluster, input.app))),
  get: authedProcedure
    .input(input(InstanceNameInput))
    .query(({ ctx, input }) => ctx.run(getInstance(input.name))),
  pods: authedProcedure
    .input(input(InstanceNameInput))
    .query(({ ctx, input }) => ctx.run(instancePods(input.name))),
  /** The Kubernetes events of the instance's objects and pods (概述). */
  events: authedProcedure
    .input(input(InstanceNameInput))
    .query(({ ctx, input }) => ctx.run(instanceEvents(input.name))),
  update: authedProcedure
    .input(input(UpdateRequest))
    .mutation(({ ctx, input }) => ctx.run(updateInstance(input))),
  scale: authedProcedure
    .input(input(ScaleRequest))
    .mutation(({ ctx, input }) => ctx.run(scaleInstance(input))),
  delete: authedProcedure
    .input(input(DeleteRequest))
    .mutation(({ ctx, input }) => ctx.run(deleteInstance(input)))
})

export const appCatalogRouter = router({
  list: authedProcedure.input(input(CatalogQuery)).query(({ ctx, input }) => ctx.run(listApps(input))),
  get: authedProcedure.input(input(AppNameInput)).query(({ ctx, input }) => ctx.run(getApp(input.name))),
  apps
})

export type AppCatalogRouter = typeof appCatalogRouter
