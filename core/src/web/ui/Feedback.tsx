/**
 * @module Loading, empty and error states: every list and page shows one of these
 * instead of a blank area.
 */
import { type JSX, Show } from "solid-js"
import { errorMessage } from "../api"
import { t } from "../i18n"

export const Spinner = (props: { size?: number; label?: string }) => (
  <span
    class="spinner"
    role="status"
    aria-label={props.label ?? t("common.loading")}
    style={{ width: `${props.size ?? 18}px`, height: `${props.size ?? 18}px` }}
  />
)

export const Loading = (props: { label?: string }) => (
  <div class="loading">
    <Spinner />
    <span>{props.label ?? t("common.loading")}</span>
  </div>
)

export const EmptyState = (props: { title: string; hint?: string; action?: JSX.Element; icon?: string }) => (
  <div class="empty-state">
    <div class="empty-icon" aria-hidden="true">
      {props.icon ?? "○"}
    </div>
    <p class="empty-title">{props.title}</p>
    <Show when={props.hint}>
      <p class="empty-hint">{props.hint}</p>
    </Show>
    <Show when={props.action}>{props.action}</Show>
  </div>
)

/** A failed call in words: the server's message, or what to do when it cannot be reached. */
export const describeError = (error: unknown): string => {
  const m = errorMessage(error)
  return m === "network" ? t("common.networkError") : m
}

/** The error in words, and a way to try again. */
export const ErrorNotice = (props: { error: unknown; onRetry?: () => void }) => {
  return (
    <div class="notice notice-error" role="alert">
      <span>{describeError(props.error)}</span>
      <Show when={props.onRetry}>
        <button type="button" class="link-button" onClick={() => props.onRetry?.()}>
          {t("common.retry")}
        </button>
      </Show>
    </div>
  )
}

export const Badge = (props: {
  tone?: "neutral" | "info" | "success" | "warning" | "danger"
  children: JSX.Element
}) => <span class={`badge badge-${props.tone ?? "neutral"}`}>{props.children}</span>

/** A form's failure that belongs to no single field (a duplicate, a missing record...). */
export const FormError = (props: { message: string | undefined }) => (
  <Show when={props.message}>
    <div class="notice notice-error" role="alert">
      {props.message}
    </div>
  </Show>
)
