/**
 * @module The home widget: the user's latest tickets (5 by default, their preference).
 */
import { A } from "@solidjs/router"
import { Card, EmptyState, ErrorNotice, formatDateTime, Loading, t } from "@wharf/core/web"
import { createResource, For, Show } from "solid-js"
import { api } from "./api"
import "./helpdesk.css"
import { StatusBadge } from "./parts"

export const LatestTickets = () => {
  const [page, { refetch }] = createResource(async () => {
    const prefs = await api.preferences.get.query()
    return api.tickets.list.query({ limit: prefs.homeCount, offset: 0, mine: true })
  })
  return (
    <Card
      title={t("helpdesk.widget.title")}
      actions={
        <span class="hd-widget-actions">
          <A href="/tickets/new" class="btn btn-primary btn-sm">
            {t("helpdesk.create")}
          </A>
          <A href="/tickets" class="btn btn-ghost btn-sm">
            {t("helpdesk.widget.all")}
          </A>
        </span>
      }
    >
      <Show when={!page.error} fallback={<ErrorNotice error={page.error} onRetry={refetch} />}>
        <Show when={page()} fallback={<Loading />}>
          {(p) => (
            <Show
              when={p().items.length > 0}
              fallback={<EmptyState title={t("helpdesk.mine.empty")} hint={t("helpdesk.mine.emptyHint")} />}
            >
              <ul class="hd-widget-list">
                <For each={p().items}>
                  {(ticket) => (
                    <li>
                      <A href={`/tickets/${ticket.number}`} class="hd-widget-item" title={ticket.title}>
                        {ticket.title}
                      </A>
                      <div class="hd-widget-meta">
                        {/* Seed 000: click the ticket number to open the ticket. */}
                        <A href={`/tickets/${ticket.number}`} class="mono hd-number">
                          #{ticket.number}
                        </A>
                        <StatusBadge status={ticket.status} />
                        <span class="muted hd-widget-time">{formatDateTime(ticket.updatedAt)}</span>
                      </div>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Show>
      </Show>
    </Card>
  )
}
