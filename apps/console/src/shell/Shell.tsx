/**
 * @module The frame around every page: the top bar with the navigation the enabled
 * plugins contribute (support, platform, admin), the user menu, and the page itself.
 */
import { A, type RouteSectionProps, useLocation } from "@solidjs/router"
import { Loading, loadedPlugins, navFor, Toasts, t, viewer } from "@wharf/core/web"
import { ErrorBoundary, For, type JSX, Show, Suspense } from "solid-js"
import { PageError } from "./PageError"
import { UserMenu } from "./UserMenu"

export const Shell = (props: RouteSectionProps): JSX.Element => {
  const location = useLocation()
  const bare = () => location.pathname === "/sign-in"
  const groups = () => navFor(loadedPlugins(), viewer())
  return (
    <Show when={!bare()} fallback={props.children}>
      <a class="skip-link" href="#main">
        {t("shell.skipToContent")}
      </a>
      <header class="topbar">
        <A href="/" class="brand" end>
          <span class="brand-mark" aria-hidden="true" />
          {t("shell.brand")}
        </A>
        <nav class="topnav" aria-label={t("shell.home")}>
          <For each={groups()}>
            {(group) => (
              <div class="topnav-group">
                <span class="topnav-section">{t(`shell.section.${group.section}`)}</span>
                <For each={group.entries}>
                  {(entry) => (
                    <A href={entry.path} class="topnav-link" activeClass="active">
                      {t(entry.label)}
                    </A>
                  )}
                </For>
              </div>
            )}
          </For>
        </nav>
        <Show when={viewer()}>
          <UserMenu />
        </Show>
      </header>
      <main id="main" tabindex="-1">
        <ErrorBoundary fallback={(error, reset) => <PageError error={error} reset={reset} />}>
          <Suspense fallback={<Loading />}>{props.children}</Suspense>
        </ErrorBoundary>
      </main>
      <Toasts />
    </Show>
  )
}
