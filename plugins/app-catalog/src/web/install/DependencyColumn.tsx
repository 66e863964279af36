/**
 * @module The wizard's left column: the app, and under it each app it depends on with a picker:
 * 新建应用实例 (blue, configured in its own tabs), an existing instance the tenant may use
 * (green, nothing to configure), or for an optional one 不安装此应用 (grey). A dependency
 * created new shows its own dependencies beneath it (Metastore → MySQL).
 */
import { Badge, t } from "@wharf/core/web"
import { For, Show } from "solid-js"
import type { AppDefinition } from "../../shared/definition"
import type { Instance } from "../../shared/instances"
import { AppIcon } from "../AppIcon"
import { childPath, type DependencyPick, type InstanceDraft, pickOf } from "./draft"

export interface DependencyOptions {
  /** Instances the target tenant may use, by app. */
  readonly existing: (app: string) => ReadonlyArray<Instance>
  readonly definition: (app: string) => AppDefinition | undefined
}

const pickValue = (p: DependencyPick) => (p.kind === "existing" ? `existing:${p.instance}` : p.kind)

const readPick = (value: string): DependencyPick =>
  value.startsWith("existing:")
    ? { kind: "existing", instance: value.slice(9) }
    : { kind: value as "new" | "none" }

const tone = (p: DependencyPick) => (p.kind === "new" ? "new" : p.kind === "existing" ? "existing" : "none")

export const DependencyColumn = (props: {
  root: string
  drafts: Readonly<Record<string, InstanceDraft>>
  options: DependencyOptions
  selected: string
  problemCount: (path: string) => number
  onSelect: (path: string) => void
  onPick: (path: string, dep: string, pick: DependencyPick) => void
}) => {
  const Node = (p: { path: string; app: string; depth: number; trail: ReadonlyArray<string> }) => {
    const def = () => props.options.definition(p.app)
    const draft = () => props.drafts[p.path]
    return (
      <Show when={def()}>
        {(d) => (
          <For each={d().dependencies.filter((dep) => !p.trail.includes(dep.app))}>
            {(dep) => {
              const pick = () => (draft() ? pickOf(draft()!, dep.app) : ({ kind: "new" } as DependencyPick))
              const path = childPath(p.path, dep.app)
              const depDef = () => props.options.definition(dep.app)
              return (
                <li class="dep-node" style={{ "--depth": p.depth }} data-pick={tone(pick())}>
                  <button
                    type="button"
                    class="dep-head"
                    aria-current={props.selected === path ? "true" : undefined}
                    disabled={pick().kind !== "new"}
                    onClick={() => props.onSelect(path)}
                  >
                    <span class="dep-icon" data-pick={tone(pick())}>
                      <AppIcon icon={depDef()?.icon ?? dep.app} name={dep.app} size={28} />
                    </span>
                    <span class="dep-title">
                      {depDef()?.title ?? dep.app}
                      <span class="dep-state">{t(`install.pick.${tone(pick())}`)}</span>
                    </span>
                    <Badge tone={dep.required ? "info" : "neutral"}>
                      {t(dep.required ? "catalog.required" : "catalog.optional")}
                    </Badge>
                    <Show when={pick().kind === "new" && props.problemCount(path) > 0}>
                      <span class="tab-mark">{props.problemCount(path)}</span>
                    </Show>
                  </button>
                  <select
                    class="input dep-picker"
                    aria-label={t("install.pickFor", { app: depDef()?.title ?? dep.app })}
                    onChange={(e) => props.onPick(p.path, dep.app, readPick(e.currentTarget.value))}
                  >
                    <option value="new" selected={pick().kind === "new"}>
                      {t("install.pick.newOption")}
                    </option>
                    <For each={props.options.existing(dep.app)}>
                      {(i) => (
                        <option
                          value={`existing:${i.name}`}
                          selected={pickValue(pick()) === `existing:${i.name}`}
                        >
                          {i.name} · {t(`panel.status.${i.status}`)}
                        </option>
                      )}
                    </For>
                    <Show when={!dep.required}>
                      <option value="none" selected={pick().kind === "none"}>
                        {t("install.pick.noneOption")}
                      </option>
                    </Show>
                  </select>
                  <Show when={pick().kind === "new"}>
                    <ul class="dep-tree">
                      <Node path={path} app={dep.app} depth={p.depth + 1} trail={[...p.trail, dep.app]} />
                    </ul>
                  </Show>
                </li>
              )
            }}
          </For>
        )}
      </Show>
    )
  }
  const rootApp = () => props.drafts[props.root]?.app ?? props.root
  return (
    <nav class="install-column" aria-label={t("install.apps")}>
      <button
        type="button"
        class="dep-head dep-root"
        aria-current={props.selected === props.root ? "true" : undefined}
        onClick={() => props.onSelect(props.root)}
      >
        <span class="dep-icon" data-pick="root">
          <AppIcon icon={props.options.definition(rootApp())?.icon ?? rootApp()} name={rootApp()} size={32} />
        </span>
        <span class="dep-title">{props.options.definition(rootApp())?.title ?? rootApp()}</span>
        <Show when={props.problemCount(props.root) > 0}>
          <span class="tab-mark">{props.problemCount(props.root)}</span>
        </Show>
      </button>
      <Show when={(props.options.definition(rootApp())?.dependencies.length ?? 0) > 0}>
        <h3 class="install-column-title">{t("catalog.dependencies")}</h3>
        <ul class="dep-tree">
          <Node path={props.root} app={rootApp()} depth={0} trail={[rootApp()]} />
        </ul>
      </Show>
    </nav>
  )
}
