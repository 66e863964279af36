/**
 * @module The settings most apps offer, made from their roles, so a catalog writes an app's
 * own fields only: priority; per role replicas, CPU and memory limits (and storage when it has
 * data volumes); on the advanced tab each role's image and environment variables.
 */
import type { ConfigField, ConfigTab, LocalizedText, Role } from "./definition"

const text = (zh: string, en: string): LocalizedText => ({ "zh-CN": zh, en })

export const ADVANCED_TAB: ConfigTab = { id: "advanced", label: text("高级配置", "Advanced") }

export const priorityField = (tab: string, initial = 0): ConfigField => ({
  key: "priority",
  type: "int",
  label: text("优先级", "Priority"),
  tab,
  default: initial,
  min: 0,
  max: 9,
  help: text(
    "0 为最低优先级;高优先级的应用可抢占低优先级应用的资源",
    "0 is the lowest; higher priorities may preempt lower ones"
  )
})

export interface RoleFieldOptions {
  /** How the wizard names the replica count, e.g. 主节点数量 / Masters; no field when false. */
  readonly replicas?: LocalizedText | false
  readonly maxReplicas?: number
}

const prefixed = (role: Role, zh: string, en: string): LocalizedText =>
  text(`${role.label["zh-CN"]} ${zh}`, `${role.label.en} ${en}`)

/** Replicas, CPU and memory limits (and storage) of one role, on the given tab. */
export const roleFields = (
  role: Role,
  tab: string,
  options: RoleFieldOptions = {},
  single = false
): ConfigField[] => {
  const label = (zh: string, en: string) => (single ? text(zh, en) : prefixed(role, zh, en))
  const fields: ConfigField[] = []
  if (options.replicas !== false)
    fields.push({
      key: `${role.name}.replicas`,
      type: "int",
      label: options.replicas ?? label("节点数量", "replicas"),
      tab,
      default: role.replicas,
      min: 0,
      max: options.maxReplicas ?? 50
    })
  fields.push(
    {
      key: `${role.name}.memory`,
      type: "memory",
      label: label("内存上限", "memory limit"),
      tab,
      default: role.resources.memoryMiB,
      min: 64,
      max: 512 * 1024,
      unit: text("MiB", "MiB")
    },
    {
      key: `${role.name}.cpu`,
      type: "cpu",
      label: label("CPU上限", "CPU limit"),
      tab,
      default: role.resources.cpu,
      min: 0.1,
      max: 64,
      unit: text("核", "cores")
    }
  )
  const volume = role.volumes[0]
  if (volume)
    fields.push({
      key: `${role.name}.storage`,
      type: "storage",
      label: label("存储容量", "storage"),
      tab,
      default: volume.sizeMiB,
      min: 128,
      max: 16 * 1024 * 1024,
      unit: text("MiB", "MiB")
    })
  return fields
}

/** Each role's image (required) and extra environment variables, on the advanced tab. */
export const advancedFields = (roles: ReadonlyArray<Role>, appTitle: string): ConfigField[] =>
  roles.flatMap((role) => {
    const who = roles.length === 1 ? text(appTitle, appTitle) : role.label
    return [
      {
        key: `${role.name}.image`,
        type: "image" as const,
        label: text(`${who["zh-CN"]}镜像`, `${who.en} image`),
        tab: ADVANCED_TAB.id,
        default: role.image
      },
      {
        key: `${role.name}.env`,
        type: "env" as const,
        label: text(`${who["zh-CN"]}环境变量`, `${who.en} environment variables`),
        tab: ADVANCED_TAB.id,
        default: []
      }
    ]
  })
