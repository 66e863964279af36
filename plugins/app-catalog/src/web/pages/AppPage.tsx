/**
 * @module An app's page: name, version, vendor and description, then what it runs (roles with
 * workload, image, ports and default resources), what it needs (dependencies, linked to their
 * pages), its component links, and its settings by wizard tab with defaults and limits.
 */
import { A, useNavigate, useParams } from "@solidjs/router"
import { Badge, Button, Card, type Column, ErrorNotice, Loading, Page, Table, t } from "@wharf/core/web"
import { createResource, For, Show } from "solid-js"
import type { ConfigField, Role } from "../../shared/definition"
import { AppIcon } from "../AppIcon"
import { api, tr } from "../api"
import { ListCard } from "../ListCard"
import "../catalog.css"

const defaultText = (f: ConfigField): string => {
  if (Array.isArray(f.default)) return f.default.map((e) => `${e.name}=${e.value}`).join(", ") || "—"
  return String(f.default)
}

const rangeText = (f: ConfigField): string => {
  if (f.options) return f.options.join(" / ")
  if (f.min === undefined && f.max === undefined) return "—"
  return `${f.min ?? ""} – ${f.max ?? ""}`
}

export default function AppPage() {
  const params = useParams<{ name: string }>()
  const navigate = useNavigate()
  const [app, { refetch }] = createResource(
    () => params.name,
    (name) => api.get.query({ name })
  )
  const roleColumns: ReadonlyArray<Column<Role>> = [
    { header: t("catalog.role"), cell: (r) => tr(r.label) },
    { header: t("catalog.workload"), cell: (r) => <span class="mono">{r.workload}</span> },
    { header: t("catalog.image"), cell: (r) => <span class="mono">{r.image}</span> },
    {
      header: t("catalog.ports"),
      cell: (r) => <span class="mono">{r.ports.map((p) => p.port).join(", ") || "—"}</span>
    },
    { header: t("catalog.replicas"), align: "right", cell: (r) => r.replicas },
    { header: t("catalog.cpu"), align: "right", cell: (r) => t("catalog.cores", { n: r.resources.cpu }) },
    { header: t("catalog.memory"), align: "right", cell: (r) => `${r.resources.memoryMiB} MiB` }
  ]
  const fieldColumns: ReadonlyArray<Column<ConfigField>> = [
    { header: t("catalog.setting"), cell: (f) => tr(f.label) },
    { header: t("catalog.default"), cell: (f) => <span class="mono">{defaultText(f)}</span> },
    { header: t("catalog.range"), cell: (f) => <span class="mono">{rangeText(f)}</span> },
    { header: "", cell: (f) => (f.unit ? tr(f.unit) : "") }
  ]
  return (
    <Show when={!app.error} fallback={<ErrorNotice error={app.error} onRetry={refetch} />}>
      <Show when={app()} fallback={<Loading />}>
        {(detail) => {
          const d = () => detail().definition
          return (
            <Page
              title={detail().title}
              subtitle={`${t("catalog.version")} ${detail().version} · ${t("catalog.vendor")} ${detail().vendor}`}
              breadcrumbs={<A href="/catalog">{t("catalog.back")}</A>}
              actions={
                <Button variant="primary" onClick={() => navigate(`/catalog/${detail().name}/install`)}>
                  {t("install.action")}
                </Button>
              }
            >
              <div class="app-head">
                <AppIcon icon={detail().icon} name={detail().name} size={56} />
                <div>
                  <p>{tr(detail().description)}</p>
                  <div class="catalog-tags">
                    <For each={detail().tags}>{(tag) => <Badge>{tag}</Badge>}</For>
                  </div>
                </div>
              </div>
              <div class="app-sections">
                <ListCard
                  title={t("catalog.dependencies")}
                  items={d().dependencies}
                  none={t("catalog.noDependencies")}
                  class="app-deps"
                >
                  {(dep) => (
                    <>
                      <A href={`/catalog/${dep.app}`}>{dep.app}</A>{" "}
                      <Badge tone={dep.required ? "info" : "neutral"}>
                        {t(dep.required ? "catalog.required" : "catalog.optional")}
                      </Badge>
                    </>
                  )}
                </ListCard>
                <Card title={t("catalog.roles")}>
                  <Table
                    caption={t("catalog.roles")}
                    columns={roleColumns}
                    rows={d().roles}
                    empty={{ title: "—" }}
                  />
                </Card>
                <ListCard
                  title={t("catalog.links")}
                  items={d().links}
                  none={t("catalog.noLinks")}
                  class="app-deps"
                >
                  {(link) => (
                    <>
                      {tr(link.label)} <span class="mono muted">{`${link.role}:${link.port}`}</span>
                    </>
                  )}
                </ListCard>
                <For each={d().tabs}>
                  {(tab) => (
                    <Card title={`${t("catalog.settings")} · ${tr(tab.label)}`}>
                      <Table
                        caption={`${t("catalog.settings")} · ${tr(tab.label)}`}
                        columns={fieldColumns}
                        rows={d().fields.filter((f) => f.tab === tab.id)}
                        empty={{ title: "—" }}
                      />
                    </Card>
                  )}
                </For>
              </div>
            </Page>
          )
        }}
      </Show>
    </Show>
  )
}
