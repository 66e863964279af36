/**
 * @module The frame around every page: the top bar with the navigation the enabled
 * plugins contribute (support, platform, admin), the user menu, and the page itself.
 */
import { A, type RouteSectionProps, useLocation, useNavigate } from "@solidjs/router"
import { Loading, loadedPlugins, navFor, Toasts, t, viewer } from "@wharf/core/web"
import { createMemo, ErrorBoundary, For, type JSX, Show, Suspense } from "solid-js"
import { activeNavPath } from "./activeNav"
import { MenuButton } from "./MenuButton"
import { PageError } from "./PageError"
import { UserMenu } from "./UserMenu"

type NavGroup = ReturnType<typeof navFor>[number]

export const Shell = (props: RouteSectionProps): JSX.Element => {
  const location = useLocation()
  const bare = () => location.pathname === "/sign-in"
  const groups = createMemo(() => navFor(loadedPlugins(), viewer()))
  const active = createMemo(() =>
    activeNavPath(
      groups().flatMap((g) => g.entries.map((e) => e.path)),
      location.pathname
    )
  )
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
          <div class="topnav-groups">
            <For each={groups().filter((g) => g.section !== "admin")}>
              {(group) => (
                <div class="topnav-group">
                  <span class="topnav-section">{t(`shell.section.${group.section}`)}</span>
                  <For each={group.entries}>
                    {(entry) => (
                      <A
                        href={entry.path}
                        class="topnav-link"
                        classList={{ active: entry.path === active() }}
                        aria-current={entry.path === active() ? "page" : undefined}
                      >
                        {t(entry.label)}
                      </A>
                    )}
                  </For>
                </div>
              )}
            </For>
          </div>
          {/* Admin pages are visited now and then: a menu keeps the bar short enough for
              the everyday entries of support staff. Outside the scrolling part, so the
              menu is not clipped. */}
          <For each={groups().filter((g) => g.section === "admin")}>
            {(group) => <AdminMenu group={group} active={active()} />}
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

const AdminMenu = (props: { group: NavGroup; active: string | undefined }) => {
  const navigate = useNavigate()
  const current = () => props.group.entries.some((e) => e.path === props.active)
  return (
    <MenuButton
      label={t("shell.section.admin")}
      face={
        <>
          {t("shell.section.admin")}
          <span class="topnav-caret" aria-hidden="true">
            ▾
          </span>
        </>
      }
      class="topnav-group topnav-menu"
      buttonClass={current() ? "topnav-link topnav-menu-button active" : "topnav-link topnav-menu-button"}
    >
      {(close) => (
        <For each={props.group.entries}>
          {(entry) => (
            <a
              href={entry.path}
              role="menuitem"
              class="menu-item"
              aria-current={entry.path === props.active ? "page" : undefined}
              onClick={(e) => {
                if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return
                e.preventDefault()
                close(false)
                navigate(entry.path)
              }}
            >
              {t(entry.label)}
            </a>
          )}
        </For>
      )}
    </MenuButton>
  )
}
