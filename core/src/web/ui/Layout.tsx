/**
 * @module Page frame and cards: one title style, one place for actions, one spacing.
 */
import { createEffect, type JSX, Show, Suspense } from "solid-js"
import { t } from "../i18n"
import { Loading } from "./Feedback"

/** Name the browser tab after the page; screen readers announce it on navigation. */
export const usePageTitle = (title: () => string | undefined) =>
  createEffect(() => {
    const text = title()
    document.title = text ? `${text} · Wharf` : "Wharf"
  })

export const Page = (props: {
  title: string
  subtitle?: string
  actions?: JSX.Element
  breadcrumbs?: JSX.Element
  children: JSX.Element
}) => {
  usePageTitle(() => props.title)
  return (
    <section class="page">
      <Show when={props.breadcrumbs}>
        <nav class="breadcrumbs" aria-label={t("common.breadcrumbs")}>
          {props.breadcrumbs}
        </nav>
      </Show>
      <header class="page-header">
        <div>
          <h1 class="page-title">{props.title}</h1>
          <Show when={props.subtitle}>
            <p class="page-subtitle">{props.subtitle}</p>
          </Show>
        </div>
        <Show when={props.actions}>
          <div class="page-actions">{props.actions}</div>
        </Show>
      </header>
      {/* The heading shows at once; what the page still loads shows as loading below it. */}
      <Suspense fallback={<Loading />}>{props.children}</Suspense>
    </section>
  )
}

export const Card = (props: {
  title?: string
  actions?: JSX.Element
  children: JSX.Element
  class?: string
}) => (
  <div class={`card ${props.class ?? ""}`}>
    <Show when={props.title || props.actions}>
      <div class="card-header">
        <Show when={props.title}>
          <h2 class="card-title">{props.title}</h2>
        </Show>
        <Show when={props.actions}>
          <div class="card-actions">{props.actions}</div>
        </Show>
      </div>
    </Show>
    <div class="card-body">{props.children}</div>
  </div>
)
