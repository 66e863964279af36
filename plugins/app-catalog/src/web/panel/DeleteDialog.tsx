/**
 * @module Deleting an installed app (CP-3) with the dependents rule: while other apps depend on
 * it, it is refused and they are named; the user may instead delete them too, after seeing
 * everything that goes (the server's dry run). Data volumes are kept unless chosen otherwise.
 */
import { Button, Checkbox, Dialog, t, toast } from "@wharf/core/web"
import { createResource, createSignal, For, Show } from "solid-js"
import type { Instance } from "../../shared/instances"
import { describe } from "../api"
import { apps } from "../instances"

export const DeleteDialog = (props: {
  instance: Instance | undefined
  onClose: () => void
  onDeleted: (removed: ReadonlyArray<string>) => void
}) => {
  const [cascade, setCascade] = createSignal(false)
  const [volumes, setVolumes] = createSignal(false)
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<string>()
  const dependents = () => props.instance?.dependents ?? []
  // What a cascade removes, asked of the server so the list is exactly what will happen.
  const [plan] = createResource(
    () => (props.instance && cascade() ? props.instance.name : undefined),
    (name) => apps.delete.mutate({ name, cascade: true, dryRun: true })
  )
  const close = () => {
    setCascade(false)
    setVolumes(false)
    setError(undefined)
    props.onClose()
  }
  const blocked = () => dependents().length > 0 && !cascade()
  const confirm = async () => {
    const i = props.instance
    if (!i) return
    setBusy(true)
    setError(undefined)
    try {
      const result = await apps.delete.mutate({ name: i.name, cascade: cascade(), deleteVolumes: volumes() })
      toast(t("panel.deleted", { names: result.removed.join(", ") }))
      props.onDeleted(result.removed)
      close()
    } catch (e) {
      setError(describe(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Dialog
      open={props.instance !== undefined}
      title={t("panel.deleteTitle", { name: props.instance?.name ?? "" })}
      onClose={close}
      footer={
        <>
          <Button onClick={close}>{t("common.cancel")}</Button>
          <Button
            variant="danger"
            loading={busy()}
            disabled={blocked() || plan.loading}
            onClick={() => void confirm()}
          >
            {t(cascade() ? "panel.deleteAll" : "panel.delete")}
          </Button>
        </>
      }
    >
      <div class="delete-body">
        <Show
          when={dependents().length > 0}
          fallback={<p>{t("panel.deleteConfirm", { name: props.instance?.name ?? "" })}</p>}
        >
          <div class="notice notice-warning" role="alert">
            {t("panel.deleteRefused", {
              name: props.instance?.name ?? "",
              dependents: dependents()
                .map((d) => d.name)
                .join(", ")
            })}
          </div>
          <Checkbox label={t("panel.cascade")} checked={cascade()} onChange={setCascade} />
          <Show when={cascade()}>
            <Show when={plan()} fallback={<p class="muted">{t("panel.cascadeLoading")}</p>}>
              {(p) => (
                <>
                  <p>{t("panel.cascadeList")}</p>
                  <ul class="delete-list">
                    <For each={p().removed}>{(name) => <li class="mono">{name}</li>}</For>
                  </ul>
                </>
              )}
            </Show>
            <Show when={plan.error}>
              <p class="field-error">{describe(plan.error)}</p>
            </Show>
          </Show>
        </Show>
        <Checkbox
          label={t("panel.deleteVolumes")}
          hint={t("panel.deleteVolumesHint")}
          checked={volumes()}
          onChange={setVolumes}
        />
        <Show when={error()}>
          <p class="field-error" role="alert">
            {error()}
          </p>
        </Show>
      </div>
    </Dialog>
  )
}
