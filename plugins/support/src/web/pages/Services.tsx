/**
 * @module Premium services: the catalog by category, ordering one (signed-in users), and
 * the orders (one's own; agents see all).
 */
import {
  Badge,
  Button,
  Card,
  Dialog,
  ErrorNotice,
  errorMessage,
  formatDateTime,
  Page,
  Table,
  Textarea,
  t,
  toast,
  viewer
} from "@wharf/core/web"
import { createResource, createSignal, For, Show } from "solid-js"
import type { PremiumService } from "../../shared/types"
import { api } from "../api"
import "../support.css"

export default function Services() {
  const [services, { refetch }] = createResource(() => api.services.list.query())
  const [orders, { refetch: refetchOrders }] = createResource(
    () => viewer(),
    () => api.services.orders.query()
  )
  const [ordering, setOrdering] = createSignal<PremiumService>()
  const [note, setNote] = createSignal("")
  const [busy, setBusy] = createSignal(false)
  const categories = () => [...new Set((services() ?? []).map((s) => s.category))]
  const agent = () => viewer()?.roles.some((r) => r === "admin" || r === "agent") ?? false
  const order = async () => {
    setBusy(true)
    try {
      await api.services.order.mutate({ serviceId: ordering()!.id, note: note() })
      toast(t("support.services.ordered"))
      setOrdering(undefined)
      setNote("")
      await refetchOrders()
    } catch (e) {
      toast(errorMessage(e), "error")
    } finally {
      setBusy(false)
    }
  }
  return (
    <Page title={t("support.services.title")} subtitle={t("support.services.subtitle")}>
      <Show when={!services.error} fallback={<ErrorNotice error={services.error} onRetry={refetch} />}>
        <For each={categories()}>
          {(category) => (
            <section style={{ "margin-bottom": "var(--space-5)" }}>
              <h2 class="card-title" style={{ "margin-bottom": "var(--space-3)" }}>
                {category}
              </h2>
              <div class="support-services">
                <For each={services()!.filter((s) => s.category === category)}>
                  {(s) => (
                    <Card title={s.name}>
                      <p>{s.description}</p>
                      <p class="support-price">{s.priceNote}</p>
                      <Button size="sm" variant="primary" disabled={!viewer()} onClick={() => setOrdering(s)}>
                        {t("support.services.order")}
                      </Button>
                    </Card>
                  )}
                </For>
              </div>
            </section>
          )}
        </For>
      </Show>
      <Show when={viewer()}>
        <Card title={agent() ? t("support.services.orders") : t("support.services.myOrders")}>
          <Table
            columns={[
              { header: t("support.services.title"), cell: (o) => o.serviceName },
              { header: "Email", cell: (o) => o.userEmail },
              { header: t("support.services.note"), cell: (o) => o.note || "—" },
              {
                header: t("support.state"),
                cell: (o) => (
                  <Badge tone={o.status === "ticketed" ? "success" : "info"}>
                    {t(`support.services.status.${o.status}`)}
                  </Badge>
                )
              },
              { header: "", cell: (o) => formatDateTime(o.createdAt), width: "170px" }
            ]}
            rows={orders()}
            loading={orders.loading}
            empty={{ title: t("support.services.noOrders") }}
          />
        </Card>
      </Show>
      <Dialog
        open={ordering() !== undefined}
        title={ordering()?.name ?? ""}
        onClose={() => setOrdering(undefined)}
        footer={
          <Button variant="primary" loading={busy()} onClick={order}>
            {t("support.services.order")}
          </Button>
        }
      >
        <p class="support-price">{ordering()?.priceNote}</p>
        <Textarea
          label={t("support.services.note")}
          value={note()}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </Dialog>
    </Page>
  )
}
