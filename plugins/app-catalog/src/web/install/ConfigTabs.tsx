/**
 * @module Step 2's tabs for one instance to create: 基础属性 (where it goes, its name), then the
 * app's own tabs from its definition (Redis配置, Master配置, 高级配置 …) with every field typed.
 * A tab with a problem says how many, so nothing wrong hides behind another tab.
 */
import { TextInput, t } from "@wharf/core/web"
import { createMemo, createSignal, For, Show } from "solid-js"
import type { AppDefinition } from "../../shared/definition"
import { tr } from "../api"
import { type DraftProblem, type InstanceDraft, type RawValue, shownValue } from "./draft"
import { FieldInput } from "./FieldInput"
import { problemText } from "./problems"
import { Tabs } from "./Tabs"

const BASIC = "basic"

export const ConfigTabs = (props: {
  definition: AppDefinition
  draft: InstanceDraft
  problems: ReadonlyArray<DraftProblem>
  tenantLabel: string
  clusterLabel: string
  onName: (name: string) => void
  onValue: (key: string, value: RawValue) => void
}) => {
  const [tab, setTab] = createSignal<string>(BASIC)
  const problemOf = (field: string) => props.problems.find((p) => p.field === field)?.message
  const tabs = createMemo(() => [
    { id: BASIC, label: t("install.basic"), mark: problemOf("name") ? "1" : undefined },
    ...props.definition.tabs.map((x) => {
      const n = props.definition.fields.filter((f) => f.tab === x.id && problemOf(f.key)).length
      return { id: x.id, label: tr(x.label), mark: n > 0 ? String(n) : undefined }
    })
  ])
  return (
    <Tabs
      label={t("install.configOf", { app: props.definition.title })}
      tabs={tabs()}
      selected={tab()}
      onSelect={setTab}
    >
      <Show
        when={tab() !== BASIC}
        fallback={
          <div class="install-fields">
            <dl class="install-facts">
              <dt>{t("install.tenant")}</dt>
              <dd>{props.tenantLabel}</dd>
              <dt>{t("install.cluster")}</dt>
              <dd>{props.clusterLabel}</dd>
            </dl>
            <TextInput
              label={t("install.name")}
              hint={t("install.nameHint", { example: `${props.definition.name}-nun6` })}
              placeholder={t("install.namePlaceholder")}
              error={problemOf("name") ? problemText(problemOf("name")!) : undefined}
              value={props.draft.name}
              spellcheck={false}
              autocomplete="off"
              onInput={(e) => props.onName(e.currentTarget.value.trim())}
            />
          </div>
        }
      >
        <div class="install-fields">
          <For each={props.definition.fields.filter((f) => f.tab === tab())}>
            {(field) => (
              <FieldInput
                field={field}
                value={shownValue(field, props.draft)}
                error={problemOf(field.key)}
                onChange={(v) => props.onValue(field.key, v)}
              />
            )}
          </For>
        </div>
      </Show>
    </Tabs>
  )
}
