/**
 * @module A ticket, for its customers and for support (the same page; support gets the
 * handling panel and sees internal notes). 404 for tickets of other tenants.
 */
import { A, useParams } from "@solidjs/router"
import { ErrorNotice, Loading, Page, retryKey, t, toast } from "@wharf/core/web"
import { createResource, Show } from "solid-js"
import { api } from "../api"
import { SupportPanel } from "../SupportPanel"
import { TicketView } from "../TicketView"
import "../helpdesk.css"

export default function Ticket() {
  const params = useParams()
  const number = () => Number(params.number)
  const [ticket, { refetch, mutate }] = createResource(number, (n) => api.tickets.get.query({ number: n }))
  // A reply retried after a lost answer is in the thread once; a rating is given once.
  const retry = retryKey()
  const rated = retryKey()
  const then = <T,>(p: Promise<T>) =>
    p.then((next) => {
      mutate(next as never)
      return next
    })
  return (
    <Show
      when={!ticket.error}
      fallback={
        <Page title={`#${params.number}`}>
          <ErrorNotice error={ticket.error} onRetry={refetch} />
        </Page>
      }
    >
      <Show when={ticket()} fallback={<Loading />}>
        {(tk) => (
          <Page
            title={tk().title}
            subtitle={`#${tk().number}`}
            breadcrumbs={
              <A href={tk().viewerSide === "support" ? "/support/tickets" : "/tickets"}>
                ← {tk().viewerSide === "support" ? t("helpdesk.nav.queue") : t("helpdesk.nav.mine")}
              </A>
            }
          >
            <TicketView
              ticket={tk()}
              side={
                tk().viewerSide === "support" ? (
                  <SupportPanel ticket={tk()} onChange={(next) => mutate(next as never)} />
                ) : undefined
              }
              actions={{
                reply: (body, flags) => {
                  const request = { number: tk().number, body, ...flags }
                  return then(
                    api.tickets.reply.mutate({ ...request, idempotencyKey: retry.for(request) })
                  ).then(() => {
                    retry.done()
                    toast(flags.internal ? t("helpdesk.detail.note") : t("helpdesk.detail.sent"))
                  })
                },
                close: () => then(api.tickets.close.mutate({ number: tk().number })),
                confirm: () => then(api.tickets.confirm.mutate({ number: tk().number })),
                survey: (rating, comment) => {
                  const request = { number: tk().number, rating, ...(comment.trim() ? { comment } : {}) }
                  return then(
                    api.tickets.survey.mutate({ ...request, idempotencyKey: rated.for(request) })
                  ).then(() => rated.done())
                }
              }}
            />
          </Page>
        )}
      </Show>
    </Show>
  )
}
