/**
 * @module A guest's ticket, opened with the signed link from their email: the thread,
 * reply, confirm or close, and the survey — no account, no other ticket.
 */
import { useParams, useSearchParams } from "@solidjs/router"
import { ErrorNotice, errorStatus, Loading, Page, retryKey, settled, t } from "@wharf/core/web"
import { createResource, Show } from "solid-js"
import { api } from "../api"
import { TicketView } from "../TicketView"
import "../helpdesk.css"

export default function GuestTicket() {
  const params = useParams()
  const [search] = useSearchParams()
  const link = () => ({ number: Number(params.number), token: String(search.token ?? "") })
  const [ticket, { refetch, mutate }] = createResource(link, (l) => api.guest.view.query(l))
  const then = <T,>(p: Promise<T>) => p.then((next) => mutate(next as never))
  // A reply retried after a lost answer is in the thread once; a rating is given once.
  const retry = retryKey()
  const rated = retryKey()
  return (
    <Page
      title={settled(ticket)?.title ?? t("helpdesk.guest.ticket", { number: params.number ?? "" })}
      subtitle={`#${params.number}`}
    >
      <Show
        when={!ticket.error}
        fallback={
          errorStatus(ticket.error) === 404 || errorStatus(ticket.error) === 400 ? (
            <div class="notice notice-error" role="alert">
              {t("helpdesk.guest.invalid")}
            </div>
          ) : (
            <ErrorNotice error={ticket.error} onRetry={refetch} />
          )
        }
      >
        <Show when={ticket()} fallback={<Loading />}>
          {(tk) => (
            <TicketView
              ticket={tk()}
              guestUpload={`${link().number}.${link().token}`}
              actions={{
                reply: (body, flags) => {
                  const request = {
                    ...link(),
                    body,
                    ...(flags.notSolved ? { notSolved: true } : {}),
                    ...(flags.attachments ? { attachments: flags.attachments } : {})
                  }
                  return then(
                    api.guest.reply.mutate({ ...request, idempotencyKey: retry.for(request) })
                  ).then(() => retry.done())
                },
                close: () => then(api.guest.close.mutate(link())),
                confirm: () => then(api.guest.confirm.mutate(link())),
                survey: (rating, comment) => {
                  const request = { ...link(), rating, ...(comment.trim() ? { comment } : {}) }
                  return then(
                    api.guest.survey.mutate({ ...request, idempotencyKey: rated.for(request) })
                  ).then(() => rated.done())
                }
              }}
            />
          )}
        </Show>
      </Show>
    </Page>
  )
}
