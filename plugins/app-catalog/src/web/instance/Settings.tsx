/**
 * @module 配置 (CP-5): the instance's settings in its app's tabs (per role priority, CPU and
 * memory limits, image, replicas …), changed in place; 保存 first shows what changes — each
 * setting old → new, and the objects' diff against what runs when the server gives one —
 * then rolls the new generation out.
 */
import { Button, Card, Dialog, t, toast } from "@wharf/core/web"
import { createMemo, createResource, createSignal, For, Show } from "solid-js"
import type { AppDefinition, FieldValue } from "../../shared/definition"
import type { InstanceDetail, Preview } from "../../shared/instances"
import { api, describe, tr } from "../api"
import { draftProblems, type InstanceDraft, type RawValue, readValues, shownValue } from "../install/draft"
import { FieldInput } from "../install/FieldInput"
import { PreviewView, valueText } from "../install/PreviewView"
import { Tabs } from "../install/Tabs"
import { apps } from "../instances"

const same = (a: FieldValue | undefined, b: FieldValue | undefined) => JSON.stringify(a) === JSON.stringify(b)

export const Settings = (props: { instance: InstanceDetail; onSaved: () => void }) => {
  const [detail] = createResource(
    () => props.instance.app,
    (name) => api.get.query({ name })
  )
  return (
    <Show when={detail()} fallback={<Card>{t("common.loading")}</Card>}>
      {(d) => <SettingsForm definition={d().definition} instance={props.instance} onSaved={props.onSaved} />}
    </Show>
  )
}

const SettingsForm = (props: {
  definition: AppDefinition
  instance: InstanceDetail
  onSaved: () => void
}) => {
  const [tab, setTab] = createSignal(props.definition.tabs[0]?.id ?? "")
  const [typed, setTyped] = createSignal<Record<string, RawValue>>({})
  const [confirming, setConfirming] = createSignal(false)
  const [preview, setPreview] = createSignal<Preview>()
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<string>()
  // The form starts from what runs: the instance's values stand in for the definition's defaults.
  const definition = createMemo<AppDefinition>(() => ({
    ...props.definition,
    fields: props.definition.fields.map((f) => ({ ...f, default: props.instance.values[f.key] ?? f.default }))
  }))
  const draft = (): InstanceDraft => ({
    app: props.instance.app,
    name: "",
    values: typed(),
    dependencies: {}
  })
  const problems = () =>
    draftProblems(draft(), definition()).filter((p) => !p.field.startsWith("dependency:"))
  const changes = createMemo(() => {
    const read = readValues(draft(), definition())
    return definition()
      .fields.filter((f) => f.key in read && !same(read[f.key], props.instance.values[f.key]))
      .map((f) => ({ field: f, from: props.instance.values[f.key], to: read[f.key] }))
  })
  const values = () => Object.fromEntries(changes().map((c) => [c.field.key, c.to!] as const))
  const ask = async () => {
    setError(undefined)
    setPreview(undefined)
    setConfirming(true)
    if (!apps.previewUpdate) return
    try {
      setPreview(await apps.previewUpdate.mutate({ name: props.instance.name, values: values() }))
    } catch (e) {
      setError(describe(e))
    }
  }
  const save = async () => {
    setBusy(true)
    setError(undefined)
    try {
      await apps.update.mutate({ name: props.instance.name, values: values() })
      toast(t("instance.saved", { name: props.instance.name }))
      setConfirming(false)
      setTyped({})
      props.onSaved()
    } catch (e) {
      setError(describe(e))
    } finally {
      setBusy(false)
    }
  }
  const problemOf = (key: string) => problems().find((p) => p.field === key)?.message
  return (
    <Card>
      <Tabs
        label={t("instance.settings")}
        tabs={definition().tabs.map((x) => {
          const n = definition().fields.filter((f) => f.tab === x.id && problemOf(f.key)).length
          return { id: x.id, label: tr(x.label), mark: n > 0 ? String(n) : undefined }
        })}
        selected={tab()}
        onSelect={setTab}
      >
        <fieldset class="install-fields settings-fields" disabled={!props.instance.canChange}>
          <For each={definition().fields.filter((f) => f.tab === tab())}>
            {(field) => (
              <FieldInput
                field={field}
                value={shownValue(field, draft())}
                error={problemOf(field.key)}
                onChange={(v) => setTyped({ ...typed(), [field.key]: v })}
              />
            )}
          </For>
        </fieldset>
      </Tabs>
      <div class="install-actions">
        <Show when={!props.instance.canChange}>
          <span class="muted">{t("instance.readOnly")}</span>
        </Show>
        <Button disabled={Object.keys(typed()).length === 0} onClick={() => setTyped({})}>
          {t("instance.reset")}
        </Button>
        <Button
          variant="primary"
          disabled={!props.instance.canChange || changes().length === 0 || problems().length > 0}
          onClick={() => void ask()}
        >
          {t("instance.save")}
        </Button>
      </div>
      <Dialog
        open={confirming()}
        title={t("instance.saveTitle", { name: props.instance.name })}
        onClose={() => setConfirming(false)}
        footer={
          <>
            <Button onClick={() => setConfirming(false)}>{t("install.back")}</Button>
            <Button
              variant="primary"
              loading={busy()}
              disabled={(preview()?.refusals ?? []).length > 0}
              onClick={() => void save()}
            >
              {t("instance.rollOut")}
            </Button>
          </>
        }
      >
        <table class="table">
          <caption class="visually-hidden">{t("instance.changes")}</caption>
          <thead>
            <tr>
              <th>{t("catalog.setting")}</th>
              <th>{t("instance.before")}</th>
              <th>{t("instance.after")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={changes()}>
              {(c) => (
                <tr>
                  <td>{tr(c.field.label)}</td>
                  <td class="mono diff-old">{valueText(c.from)}</td>
                  <td class="mono diff-new">{valueText(c.to)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <Show when={preview()}>
          {(p) => <PreviewView preview={{ ...p(), settings: [] }} definition={() => props.definition} />}
        </Show>
        <Show when={error()}>
          <p class="field-error" role="alert">
            {error()}
          </p>
        </Show>
      </Dialog>
    </Card>
  )
}
