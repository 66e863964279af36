/**
 * @module One ticket as a page: its description, the thread (internal notes marked, for
 * support), the reply box, close/confirm, the survey once closed, and its history. The
 * signed-in page and the guest link page both use it with their own actions.
 */
import {
  Badge,
  Button,
  Card,
  ConfirmDialog,
  FileUpload,
  type FileUploadApi,
  formatDateTime,
  Textarea,
  t
} from "@wharf/core/web"
import { createSignal, For, type JSX, Show } from "solid-js"
import type { TicketDetail } from "../shared/types"
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_PURPOSE, AttachmentList } from "./Attachments"
import { describe, severityLabel, statusLabel } from "./api"
import { categoryName, Markdown, SeverityBadge, StatusBadge } from "./parts"
import { SurveyCard } from "./SurveyCard"

export interface TicketActions {
  readonly reply: (
    body: string,
    flags: {
      internal?: boolean
      proposeSolution?: boolean
      notSolved?: boolean
      attachments?: ReadonlyArray<string>
    }
  ) => Promise<unknown>
  readonly close: () => Promise<unknown>
  readonly confirm: () => Promise<unknown>
  readonly survey: (rating: number, comment: string) => Promise<unknown>
}

const historyLine = (h: TicketDetail["history"][number], side: TicketDetail["viewerSide"]) => {
  const label = (v: string | null) =>
    v === null
      ? t("helpdesk.support.nobody")
      : h.action === "status"
        ? statusLabel(v as never, side)
        : h.action === "severity"
          ? severityLabel(v as never)
          : v
  if (h.action === "created") return t("helpdesk.history.created")
  if (h.action === "sla_breached") return t("helpdesk.history.sla_breached", { note: h.note ?? "" })
  return t(`helpdesk.history.${h.action}`, { from: label(h.from), to: label(h.to) })
}

export const TicketView = (props: {
  ticket: TicketDetail
  actions: TicketActions
  /** Support's panel (assign, status, severity, SLA), beside the thread. */
  side?: JSX.Element
  /** A guest's link credential for uploading files (`<number>.<token>`). */
  guestUpload?: string
}) => {
  const [body, setBody] = createSignal("")
  const [busy, setBusy] = createSignal<string>()
  const [error, setError] = createSignal<string>()
  const [closing, setClosing] = createSignal(false)
  // What the box writes: a reply the customer reads, or (support only) a note they never see.
  const [mode, setMode] = createSignal<"reply" | "note">("reply")
  // The customer answered a proposed solution with "not solved": the reply says why.
  const [notSolved, setNotSolved] = createSignal(false)
  let box: HTMLTextAreaElement | undefined
  const [files, setFiles] = createSignal<ReadonlyArray<string>>([])
  const [uploading, setUploading] = createSignal(false)
  let uploader: FileUploadApi | undefined
  const support = () => props.ticket.viewerSide === "support"
  const open = () => props.ticket.status !== "closed"

  const run = async (what: string, action: () => Promise<unknown>) => {
    setBusy(what)
    setError(undefined)
    try {
      await action()
      return true
    } catch (e) {
      setError(describe(e))
      return false
    } finally {
      setBusy(undefined)
    }
  }
  const send = async (
    flags: { internal?: boolean; proposeSolution?: boolean; notSolved?: boolean },
    what: string
  ) => {
    if (!body().trim()) {
      box?.focus()
      return setError(
        t(flags.notSolved ? "helpdesk.detail.notSolvedNeedsReply" : "helpdesk.detail.replyEmpty")
      )
    }
    if (uploading()) return setError(t("helpdesk.attachments.wait"))
    const attachments = files()
    if (
      await run(what, () =>
        props.actions.reply(body(), { ...flags, ...(attachments.length ? { attachments } : {}) })
      )
    ) {
      setBody("")
      setNotSolved(false)
      uploader?.clear()
    }
  }
  const note = () => support() && mode() === "note"

  return (
    <div class="hd-detail">
      <div class="hd-main">
        <Card>
          <div class="hd-meta">
            <StatusBadge status={props.ticket.status} side={props.ticket.viewerSide} />
            <SeverityBadge severity={props.ticket.severity} />
            <span>{categoryName(props.ticket.category)}</span>
            <Show when={props.ticket.product}>
              <span class="muted">
                {props.ticket.product} {props.ticket.version ?? ""}
              </span>
            </Show>
            <span class="muted">
              {props.ticket.requester.name} · {formatDateTime(props.ticket.createdAt)}
            </span>
          </div>
          <Markdown html={props.ticket.descriptionHtml} />
          <AttachmentList files={props.ticket.attachments} />
        </Card>

        <section class="hd-thread" aria-label={t("helpdesk.detail.thread")}>
          <h2 class="hd-section-title">{t("helpdesk.detail.thread")}</h2>
          <Show
            when={props.ticket.thread.length > 0}
            fallback={<p class="muted">{t("helpdesk.detail.noReplies")}</p>}
          >
            <For each={props.ticket.thread}>
              {(m) => (
                <article
                  class={`hd-message hd-message-${m.author.side} ${m.visibility === "internal" ? "hd-message-internal" : ""}`}
                >
                  <header class="hd-message-header">
                    <strong>{m.author.name}</strong>
                    <Badge tone={m.author.side === "support" ? "info" : "neutral"}>
                      {m.author.side === "support"
                        ? t("helpdesk.detail.support")
                        : t("helpdesk.detail.customer")}
                    </Badge>
                    <Show when={m.visibility === "internal"}>
                      <Badge tone="warning">{t("helpdesk.detail.internal")}</Badge>
                    </Show>
                    <Show when={m.proposesSolution}>
                      <Badge tone="success">{t("helpdesk.detail.solution")}</Badge>
                    </Show>
                    <span class="muted hd-message-time">
                      {formatDateTime(m.createdAt)}
                      <Show when={m.via === "email"}> · {t("helpdesk.detail.viaEmail")}</Show>
                    </span>
                  </header>
                  <Markdown html={m.html} />
                  <AttachmentList files={m.attachments} />
                </article>
              )}
            </For>
          </Show>
        </section>

        <Show when={open() && props.ticket.status === "awaiting_confirmation" && !support()}>
          <div class="notice notice-info hd-confirm">
            <span>{t("helpdesk.detail.confirmHint")}</span>
            <span class="hd-confirm-actions">
              <Button
                aria-pressed={notSolved()}
                onClick={() => {
                  setNotSolved(true)
                  setError(undefined)
                  box?.focus()
                }}
              >
                {t("helpdesk.detail.notSolved")}
              </Button>
              <Button
                variant="primary"
                loading={busy() === "confirm"}
                onClick={() => run("confirm", props.actions.confirm)}
              >
                {t("helpdesk.detail.confirm")}
              </Button>
            </span>
          </div>
        </Show>

        <Show
          when={open()}
          fallback={
            <Show when={!support()}>
              <SurveyCard ticket={props.ticket} onSubmit={props.actions.survey} />
            </Show>
          }
        >
          <section
            class="card hd-compose"
            classList={{ "hd-compose-note": note(), "hd-compose-not-solved": notSolved() }}
          >
            <Show
              when={support()}
              fallback={
                <h2 class="hd-compose-title">
                  {notSolved() ? t("helpdesk.detail.notSolvedTitle") : t("helpdesk.detail.reply")}
                </h2>
              }
            >
              <div class="hd-compose-tabs" role="tablist" aria-label={t("helpdesk.detail.composeKind")}>
                <button
                  type="button"
                  role="tab"
                  class="hd-compose-tab"
                  aria-selected={!note()}
                  onClick={() => setMode("reply")}
                >
                  {t("helpdesk.detail.replyTab")}
                </button>
                <button
                  type="button"
                  role="tab"
                  class="hd-compose-tab hd-compose-tab-note"
                  aria-selected={note()}
                  onClick={() => setMode("note")}
                >
                  {t("helpdesk.detail.noteTab")}
                </button>
              </div>
            </Show>
            <div class="card-body">
              <Textarea
                ref={(el: HTMLTextAreaElement) => {
                  box = el
                }}
                label={
                  note()
                    ? t("helpdesk.detail.note")
                    : notSolved()
                      ? t("helpdesk.detail.notSolvedLabel")
                      : t("helpdesk.detail.reply")
                }
                placeholder={
                  note()
                    ? t("helpdesk.detail.notePlaceholder")
                    : notSolved()
                      ? t("helpdesk.detail.notSolvedPlaceholder")
                      : t("helpdesk.detail.replyPlaceholder")
                }
                hint={
                  note()
                    ? t("helpdesk.detail.noteHint")
                    : support()
                      ? t("helpdesk.detail.replyHint")
                      : undefined
                }
                rows={5}
                value={body()}
                onInput={(e) => setBody(e.currentTarget.value)}
              />
              <Show when={!note()}>
                <FileUpload
                  purpose={ATTACHMENT_PURPOSE}
                  maxBytes={ATTACHMENT_MAX_BYTES}
                  guest={props.guestUpload}
                  label={t("helpdesk.attachments.drop")}
                  onChange={setFiles}
                  onBusyChange={setUploading}
                  ref={(api) => {
                    uploader = api
                  }}
                />
              </Show>
              <Show when={error()}>
                <div class="notice notice-error" role="alert">
                  {error()}
                </div>
              </Show>
              <div class="hd-reply-actions">
                <Show when={!note()}>
                  <Button variant="danger" onClick={() => setClosing(true)}>
                    {t("helpdesk.detail.close")}
                  </Button>
                </Show>
                <span class="hd-spacer" />
                <Show
                  when={!note()}
                  fallback={
                    <Button
                      variant="primary"
                      class="hd-note-button"
                      loading={busy() === "note"}
                      onClick={() => send({ internal: true }, "note")}
                    >
                      {t("helpdesk.detail.addNote")}
                    </Button>
                  }
                >
                  <Show when={support()}>
                    <Button
                      loading={busy() === "solution"}
                      onClick={() => send({ proposeSolution: true }, "solution")}
                    >
                      {t("helpdesk.detail.propose")}
                    </Button>
                  </Show>
                  <Show when={notSolved()}>
                    <Button onClick={() => setNotSolved(false)}>{t("common.cancel")}</Button>
                  </Show>
                  <Button
                    variant="primary"
                    loading={busy() === "reply"}
                    onClick={() => send(notSolved() ? { notSolved: true } : {}, "reply")}
                  >
                    {notSolved() ? t("helpdesk.detail.sendNotSolved") : t("helpdesk.detail.send")}
                  </Button>
                </Show>
              </div>
            </div>
          </section>
        </Show>
        <Show when={!open() && support()}>
          <p class="muted">{t("helpdesk.detail.closedHint")}</p>
        </Show>
      </div>

      <aside class="hd-side">
        {props.side}
        <Card title={t("helpdesk.detail.history")}>
          <ol class="hd-history">
            <For each={props.ticket.history}>
              {(h) => (
                <li>
                  <span class="hd-history-what">
                    <strong>{h.actor}</strong> {historyLine(h, props.ticket.viewerSide)}
                  </span>
                  <Show when={h.note && h.action !== "sla_breached"}>
                    <span class="muted">{h.note}</span>
                  </Show>
                  <time class="muted">{formatDateTime(h.at)}</time>
                </li>
              )}
            </For>
          </ol>
        </Card>
      </aside>

      <ConfirmDialog
        open={closing()}
        title={t("helpdesk.detail.close")}
        message={t("helpdesk.detail.closeConfirm")}
        confirmLabel={t("helpdesk.detail.close")}
        busy={busy() === "close"}
        onClose={() => setClosing(false)}
        onConfirm={async () => {
          await run("close", props.actions.close)
          setClosing(false)
        }}
      />
    </div>
  )
}
