/**
 * @module 安装预览: every instance the install creates with all its settings (the defaults
 * too), what it asks of the quota, then the exact objects the cluster's dry run returned, as
 * YAML. Refusals (no quota, over quota at a priority, a name taken) come first, in words.
 */
import { Badge, Card, t } from "@wharf/core/web"
import { For, Show } from "solid-js"
import type { AppDefinition, FieldValue } from "../../shared/definition"
import type { PlannedSettings, Preview } from "../../shared/instances"
import { tr } from "../api"

export const valueText = (v: FieldValue | undefined): string => {
  if (v === undefined) return "—"
  if (Array.isArray(v)) return v.map((r) => `${r.name}=${r.value}`).join(", ") || "—"
  return String(v)
}

const depText = (d: PlannedSettings["dependencies"][number]) =>
  d.kind === "none"
    ? t("install.pick.none")
    : `${d.instance ?? ""} (${t(`install.pick.${d.kind === "new" ? "new" : "existing"}`)})`

export const PreviewView = (props: {
  preview: Preview
  definition: (app: string) => AppDefinition | undefined
}) => (
  <div class="preview">
    <Show when={(props.preview.refusals ?? []).length > 0}>
      <div class="notice notice-error notice-block" role="alert">
        <p>
          <strong>{t("install.refused")}</strong>
        </p>
        <ul>
          <For each={props.preview.refusals ?? []}>{(r) => <li>{r.message}</li>}</For>
        </ul>
      </div>
    </Show>
    <For each={props.preview.settings}>
      {(s) => {
        const fields = () => props.definition(s.app)?.fields ?? []
        return (
          <Card title={`${s.title} ${s.version} · ${s.name}`}>
            <dl class="install-facts">
              <dt>{t("install.tenant")}</dt>
              <dd>{s.tenant}</dd>
              <dt>{t("install.cluster")}</dt>
              <dd>{s.cluster}</dd>
              <dt>{t("panel.namespace")}</dt>
              <dd class="mono">{s.namespace}</dd>
              <dt>{t("install.visibility")}</dt>
              <dd>{t(`install.visibility.${s.visibility}`)}</dd>
              <dt>{t("install.asks")}</dt>
              <dd>
                {t("install.asksText", {
                  priority: s.request.priority,
                  cpu: s.request.cpu,
                  memory: s.request.memory,
                  storage: s.request.storage
                })}
              </dd>
              <For each={s.dependencies}>
                {(d) => (
                  <>
                    <dt>{props.definition(d.app)?.title ?? d.app}</dt>
                    <dd>{depText(d)}</dd>
                  </>
                )}
              </For>
            </dl>
            <table class="table preview-settings">
              <caption class="visually-hidden">{t("install.settingsOf", { name: s.name })}</caption>
              <thead>
                <tr>
                  <th>{t("catalog.setting")}</th>
                  <th>{t("install.value")}</th>
                </tr>
              </thead>
              <tbody>
                <For each={Object.keys(s.values)}>
                  {(key) => {
                    const field = () => fields().find((f) => f.key === key)
                    return (
                      <tr>
                        <td>{field() ? tr(field()!.label) : key}</td>
                        <td class="mono">
                          {valueText(s.values[key])}
                          {field()?.unit ? ` ${tr(field()!.unit!)}` : ""}
                        </td>
                      </tr>
                    )
                  }}
                </For>
              </tbody>
            </table>
          </Card>
        )
      }}
    </For>
    <Card title={t("install.objects", { n: props.preview.objects.length })}>
      <ul class="preview-objects">
        <For each={props.preview.objects}>
          {(o) => (
            <li>
              <details>
                <summary>
                  <Badge tone={o.change === "delete" ? "danger" : o.change === "update" ? "warning" : "info"}>
                    {o.kind}
                  </Badge>{" "}
                  <span class="mono">
                    {o.namespace}/{o.name}
                  </span>
                  <Show when={o.change && o.change !== "create"}>
                    {" "}
                    <span class="muted">{t(`install.change.${o.change}`)}</span>
                  </Show>
                </summary>
                <pre class="yaml">{o.diff ?? o.yaml}</pre>
              </details>
            </li>
          )}
        </For>
      </ul>
    </Card>
  </div>
)
