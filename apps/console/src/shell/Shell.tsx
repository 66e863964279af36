/**
 * @module The frame around every page. The top bar switches between the console's two
 * halves, the support center and the platform (each shown only when the viewer may use
 * something in it), holds the admin menu and the user menu (or, signed out, the language
 * and a sign-in button). Below it, the current half's own navigation. Both come from the
 * `section` of the nav entries the enabled plugins contribute.
 */
import { A, type RouteSectionProps, useLocation } from "@solidjs/router"
import {
  type ConsolePlugin,
  Loading,
  loadedPlugins,
  type NavEntry,
  navFor,
  type Section,
  Toasts,
  t,
  viewer
} from "@wharf/core/web"
import { createMemo, ErrorBoundary, For, type JSX, Show, Suspense } from "solid-js"
import { AdminMenu } from "./AdminMenu"
import { activeNavPath } from "./activeNav"
import { signInHref } from "./next"
import { PageError } from "./PageError"
import { landingOf, type NavGroup, sectionOf, switchable } from "./sections"
import { UserMenu, VisitorMenu } from "./UserMenu"

// Home belongs to the support center: it shows the viewer's tickets and articles first.
const HOME: NavEntry = { path: "/", label: "shell.home", order: 0, section: "support" }

const groupsFor = (plugins: ReadonlyArray<ConsolePlugin>, signedIn: boolean): ReadonlyArray<NavGroup> => {
  const groups = navFor(plugins, viewer())
  if (!signedIn) return groups
  const support = groups.find((g) => g.section === "support")
  return support
    ? groups.map((g) => (g === support ? { ...g, entries: [HOME, ...g.entries] } : g))
    : [{ section: "support", entries: [HOME] }, ...groups]
}

export const Shell = (props: RouteSectionProps): JSX.Element => {
  const location = useLocation()
  const bare = () => location.pathname === "/sign-in"
  const groups = createMemo(() => groupsFor(loadedPlugins(), viewer() !== null))
  // The section of the previous page, for pages in none; plain state, so that no signal is
  // written while the router's transition computes the next page.
  let last: Section | undefined
  const section = createMemo(() => {
    last = sectionOf(groups(), location.pathname, last)
    return last
  })
  const halves = createMemo(() => switchable(groups()))
  const entries = createMemo(() => halves().find((g) => g.section === section())?.entries ?? [])
  const active = createMemo(() =>
    activeNavPath(
      groups().flatMap((g) => g.entries.map((e) => e.path)),
      location.pathname
    )
  )
  // Signed out, the logo leads to the public front a plugin declares, not to sign-in.
  const brandHref = () => {
    if (viewer()) return "/"
    const entries = groups().flatMap((g) => g.entries)
    return (entries.find((e) => e.front) ?? entries[0])?.path ?? "/sign-in"
  }

  return (
    <Show when={!bare()} fallback={props.children}>
      <a class="skip-link" href="#main">
        {t("shell.skipToContent")}
      </a>
      <header class="topbar">
        <A href={brandHref()} class="brand" end>
          <span class="brand-mark" aria-hidden="true" />
          <span class="brand-name">{t("shell.brand")}</span>
        </A>
        <nav class="section-switch" aria-label={t("shell.sections")}>
          <Show when={halves().length > 1}>
            <For each={halves()}>
              {(group) => (
                <A
                  href={landingOf(group)}
                  class="section-link"
                  classList={{ active: group.section === section() }}
                  aria-current={group.section === section() ? "true" : undefined}
                >
                  {t(`shell.section.${group.section}`)}
                </A>
              )}
            </For>
          </Show>
          <For each={groups().filter((g) => g.section === "admin")}>
            {(group) => <AdminMenu entries={group.entries} active={active()} />}
          </For>
        </nav>
        <Show
          when={viewer()}
          fallback={
            <div class="visitor-actions">
              <VisitorMenu />
              <A
                class="button button-primary button-sm"
                href={signInHref(location.pathname + location.search)}
              >
                {t("shell.signIn")}
              </A>
            </div>
          }
        >
          <UserMenu />
        </Show>
      </header>
      <Show when={entries().length > 0}>
        <nav class="sectionnav" aria-label={t(`shell.section.${section() ?? "support"}`)}>
          <For each={entries()}>
            {(entry) => (
              <A
                href={entry.path}
                class="sectionnav-link"
                classList={{ active: entry.path === active() }}
                aria-current={entry.path === active() ? "page" : undefined}
                end={entry.path === "/"}
              >
                {t(entry.label)}
              </A>
            )}
          </For>
        </nav>
      </Show>
      <main id="main" tabindex="-1">
        <ErrorBoundary fallback={(error, reset) => <PageError error={error} reset={reset} />}>
          <Suspense fallback={<Loading />}>{props.children}</Suspense>
        </ErrorBoundary>
      </main>
      <Toasts />
    </Show>
  )
}
