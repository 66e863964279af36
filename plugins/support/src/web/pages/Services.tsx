/**
 * @module Premium services: the catalog by category, ordering one (signed-in users), and
 * the orders (one's own; agents see all).
 */

import { A } from "@solidjs/router"
import {
  Badge,
  Button,
  Card,
  ConfirmDialog,
  Dialog,
  describeError,
  EmptyState,
  ErrorNotice,
  formatDateTime,
  Loading,
  locale,
  Page,
  Table,
  Textarea,
  t,
  toast,
  viewer,
  viewerHas
} from "@wharf/core/web"
import { createResource, createSignal, For, Show } from "solid-js"
import type { PremiumService, ServiceText } from "../../shared/types"
import { AdminActions } from "../AdminActions"
import { api } from "../api"
import { ServiceDialog } from "../ServiceDialog"
import "../support.css"

/** A service in the reader's language: English readers see its English text when it has one. */
const inReadersLanguage = (s: PremiumService): ServiceText => (locale() === "en" && s.en) || s

export default function Services() {
  const [services, { refetch }] = createResource(() => api.services.list.query())
  const [orders, { refetch: refetchOrders }] = createResource(
    () => viewer(),
    () => api.services.orders.query()
  )
  // Without the helpdesk an order is not a ticket: the page says so instead of a link.
  const [ticketing] = createResource(() => api.services.ticketing.query())
  const [ordering, setOrdering] = createSignal<PremiumService>()
  const [note, setNote] = createSignal("")
  const [busy, setBusy] = createSignal(false)
  const categories = () => [...new Set((services() ?? []).map((s) => inReadersLanguage(s).category))]
  const agent = () => viewerHas("admin", "agent")
  // undefined: closed; null: a new service; a service: editing it.
  const [editing, setEditing] = createSignal<PremiumService | null>()
  const [retiring, setRetiring] = createSignal<PremiumService>()
  const retire = async () => {
    setBusy(true)
    try {
      await api.services.retire.mutate({ id: retiring()!.id })
      toast(t("support.admin.retired", { name: retiring()!.name }))
      setRetiring(undefined)
      await refetch()
    } catch (e) {
      toast(describeError(e), "error")
    } finally {
      setBusy(false)
    }
  }
  const order = async () => {
    setBusy(true)
    try {
      const placed = await api.services.order.mutate({ serviceId: ordering()!.id, note: note() })
      toast(
        placed.ticketRef
          ? t("support.services.orderedTicket", { number: placed.ticketRef })
          : t("support.services.orderedNoTicket")
      )
      setOrdering(undefined)
      setNote("")
      await refetchOrders()
    } catch (e) {
      toast(describeError(e), "error")
    } finally {
      setBusy(false)
    }
  }
  return (
    <Page
      title={t("support.services.title")}
      subtitle={t("support.services.subtitle")}
      actions={
        <Show when={viewerHas("admin")}>
          <Button variant="primary" onClick={() => setEditing(null)}>
            {t("support.admin.newService")}
          </Button>
        </Show>
      }
    >
      <Show when={viewer()}>
        {/* A customer's orders come first: below 30 service cards nobody found them. */}
        <Card
          class="support-orders"
          title={agent() ? t("support.services.orders") : t("support.services.myOrders")}
        >
          <Show when={ticketing() && !ticketing()!.enabled}>
            <p class="support-handoff" role="note">
              {t(agent() ? "support.services.noTicketsAgent" : "support.services.noTickets")}
            </p>
          </Show>
          <Table
            columns={[
              {
                header: t("support.services.title"),
                cell: (o) => (locale() === "en" && o.serviceNameEn) || o.serviceName
              },
              { header: t("support.services.customer"), cell: (o) => o.userEmail },
              { header: t("support.services.note"), cell: (o) => o.note || "—" },
              {
                header: t("support.state"),
                cell: (o) => (
                  <>
                    <Badge tone={o.status === "ticketed" ? "success" : "info"}>
                      {t(`support.services.status.${o.status}`)}
                    </Badge>
                    <Show when={o.ticketRef}>
                      {" "}
                      <A href={`/tickets/${o.ticketRef}`} title={t("support.services.openTicket")}>
                        #{o.ticketRef}
                      </A>
                    </Show>
                  </>
                )
              },
              {
                header: t("support.services.orderedAt"),
                cell: (o) => formatDateTime(o.createdAt),
                width: "170px"
              }
            ]}
            rows={orders()}
            loading={orders.loading}
            empty={{ title: t("support.services.noOrders") }}
          />
        </Card>
      </Show>
      <Show when={!services.error} fallback={<ErrorNotice error={services.error} onRetry={refetch} />}>
        <Show when={services()} fallback={<Loading />}>
          <Show when={services()!.length === 0}>
            <div class="card">
              <EmptyState
                title={t("support.services.empty")}
                hint={viewerHas("admin") ? t("support.services.emptyAdmin") : undefined}
              />
            </div>
          </Show>
        </Show>
        <For each={categories()}>
          {(category) => (
            <section style={{ "margin-bottom": "var(--space-5)" }}>
              <h2 class="card-title" style={{ "margin-bottom": "var(--space-3)" }}>
                {category}
              </h2>
              <div class="support-services">
                <For each={services()!.filter((s) => inReadersLanguage(s).category === category)}>
                  {(s) => (
                    <Card title={inReadersLanguage(s).name}>
                      <p>{inReadersLanguage(s).description}</p>
                      <p class="support-price">{inReadersLanguage(s).priceNote}</p>
                      <div class="support-service-actions">
                        <Button
                          size="sm"
                          variant="primary"
                          disabled={!viewer()}
                          title={viewer() ? undefined : t("support.services.signIn")}
                          onClick={() => setOrdering(s)}
                        >
                          {t("support.services.order")}
                        </Button>
                        <AdminActions
                          onEdit={() => setEditing(s)}
                          onRemove={() => setRetiring(s)}
                          removeLabel={t("support.admin.retire")}
                        />
                      </div>
                    </Card>
                  )}
                </For>
              </div>
            </section>
          )}
        </For>
      </Show>
      <Dialog
        open={ordering() !== undefined}
        title={ordering() ? inReadersLanguage(ordering()!).name : ""}
        onClose={() => setOrdering(undefined)}
        footer={
          <Button variant="primary" loading={busy()} onClick={order}>
            {t("support.services.order")}
          </Button>
        }
      >
        <p class="support-price">{ordering() ? inReadersLanguage(ordering()!).priceNote : ""}</p>
        <Textarea
          label={t("support.services.note")}
          hint={t("support.services.noteHint")}
          maxLength={2000}
          value={note()}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </Dialog>
      <ServiceDialog
        service={editing()}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined)
          void refetch()
        }}
      />
      <ConfirmDialog
        open={retiring() !== undefined}
        title={t("support.admin.retireTitle", { name: retiring()?.name ?? "" })}
        message={t("support.admin.retireMessage")}
        confirmLabel={t("support.admin.retire")}
        busy={busy()}
        onConfirm={retire}
        onClose={() => setRetiring(undefined)}
      />
    </Page>
  )
}
