/**
 * @module What a page that failed shows instead of itself: the error in words and a way
 * to try again. Leaving the page clears it.
 */
import { useLocation } from "@solidjs/router"
import { Button, ErrorNotice, t, usePageTitle } from "@wharf/core/web"
import { createEffect, on, Show } from "solid-js"

/**
 * A page's chunk that failed to load (offline, or a new version was deployed): browsers
 * remember the failed import, so only a reload can fetch it again.
 */
const isChunkLoadError = (error: unknown) =>
  error instanceof Error &&
  /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(
    error.message
  )

export const PageError = (props: { error: unknown; reset: () => void }) => {
  // The boundary sits around every page: navigating away must not keep showing the error.
  const location = useLocation()
  createEffect(
    on(
      () => location.pathname,
      () => props.reset(),
      { defer: true }
    )
  )
  usePageTitle(() => t("error.title"))
  const chunk = () => isChunkLoadError(props.error)
  return (
    <section class="page">
      <div class="card">
        <div class="card-body">
          <h1 class="page-title">{t("error.title")}</h1>
          <p class="muted page-error-hint">{chunk() ? t("error.chunkHint") : t("error.hint")}</p>
          <Show when={!chunk()}>
            <ErrorNotice error={props.error} />
          </Show>
          <Button variant="primary" onClick={() => (chunk() ? window.location.reload() : props.reset())}>
            {chunk() ? t("error.reload") : t("common.retry")}
          </Button>
        </div>
      </div>
    </section>
  )
}
