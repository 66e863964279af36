/**
 * @module The short form the built-in definitions (`apps/*.yaml`) are written in: a role
 * without the usual empty lists, and an app whose tabs follow the seed (one "<App>配置" tab, or one tab per role like Inceptor's
 * Master配置 / Executor配置, then 高级配置) with the standard fields made from its roles.
 */
import {
  ADVANCED_TAB,
  type AppDefinition,
  advancedFields,
  type ConfigField,
  type ConfigTab,
  type LocalizedText,
  priorityField,
  type Role,
  type RoleFieldOptions,
  roleFields
} from "@wharf/plugin-app-catalog/shared"

const text = (zh: string, en: string): LocalizedText => ({ "zh-CN": zh, en })

type RoleSpec = Pick<Role, "name" | "label" | "image" | "resources"> & Partial<Role>

const role = (spec: RoleSpec): Role => ({
  workload: "StatefulSet",
  ports: [],
  env: [],
  volumes: [],
  replicas: 1,
  ...spec
})

export type AppSpec = Omit<
  AppDefinition,
  "roles" | "tabs" | "fields" | "dependencies" | "links" | "exports" | "configFiles" | "secrets" | "vendor"
> & {
  readonly roles: ReadonlyArray<RoleSpec>
} & Partial<
    Pick<AppDefinition, "dependencies" | "links" | "exports" | "configFiles" | "secrets" | "vendor">
  > & {
    /** Per role: how its replica count is named, or false for none. */
    readonly replicas?: Readonly<Record<string, RoleFieldOptions>>
    /** The app's own settings beyond the standard ones, on the app's (first) tab. */
    readonly extraFields?: ReadonlyArray<Omit<ConfigField, "tab">>
    readonly priority?: number
  }

export const app = (spec: AppSpec): AppDefinition => {
  const { replicas = {}, extraFields = [], priority = 0, ...rest } = spec
  const roles = spec.roles.map(role)
  const single = roles.length === 1
  const tabs: ConfigTab[] = single
    ? [{ id: "app", label: text(`${spec.title}配置`, `${spec.title} settings`) }]
    : roles.map((r) => ({
        id: r.name,
        label: text(`${r.label["zh-CN"]}配置`, `${r.label.en} settings`)
      }))
  const first = tabs[0]!.id
  const fields: ConfigField[] = [
    priorityField(first, priority),
    ...roles.flatMap((r) => roleFields(r, single ? first : r.name, replicas[r.name] ?? {}, single)),
    ...extraFields.map((f) => ({ ...f, tab: first })),
    ...advancedFields(roles, spec.title)
  ]
  return {
    vendor: "Wharf",
    dependencies: [],
    links: [],
    exports: [],
    configFiles: [],
    secrets: [],
    ...rest,
    roles,
    tabs: [...tabs, ADVANCED_TAB],
    fields
  }
}
