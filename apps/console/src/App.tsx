/**
 * @module Start-up of the console: learn which plugins are enabled and who is signed in
 * (from the page, where the server wrote both; else by asking), load only those plugins'
 * chunks (the page already named them for preloading), then route.
 */
import { Navigate, type RouteDefinition, Router, useLocation } from "@solidjs/router"
import {
  addMessages,
  type ConsolePlugin,
  type ConsoleRoute,
  coreMessages,
  ErrorNotice,
  fetchJson,
  hasRole,
  Loading,
  locale,
  type PluginInfo,
  refreshSession,
  registerPlugins,
  resumeSession,
  routesOf,
  sessionReady,
  setLocale,
  t,
  takeBoot,
  toast,
  viewer
} from "@wharf/core/web"
import { type Component, createResource, lazy, Match, Switch } from "solid-js"
import { Dynamic } from "solid-js/web"
import { consolePlugins } from "./plugins"
import { signInHref } from "./shell/next"
import { Shell } from "./shell/Shell"

addMessages(coreMessages)
setLocale(locale())

const Home = lazy(() => import("./pages/Home"))
const SignIn = lazy(() => import("./pages/SignIn"))
const NotFound = lazy(() => import("./pages/NotFound"))
const Forbidden = lazy(() => import("./pages/Forbidden"))

const loadPlugins = async (): Promise<ReadonlyArray<ConsolePlugin>> => {
  // The page's data serves the first start only: a retry asks the server.
  const fromPage = takeBoot()
  const plugins = fromPage
    ? fromPage.plugins
    : (await fetchJson<{ plugins: ReadonlyArray<PluginInfo> }>("/api/v1/plugins")).plugins
  // Ids this build has no console part for (server-only plugins) are skipped.
  const known = plugins.flatMap((p) => {
    const load = consolePlugins[p.id]
    return load ? [{ id: p.id, load }] : []
  })
  if (fromPage) resumeSession(fromPage.session)
  const loaded = await Promise.allSettled(known.map((p) => p.load()))
  // One broken plugin must not take the whole console down: the others still load.
  const list = loaded.flatMap((result, i) => {
    if (result.status === "fulfilled") return [result.value.default]
    console.error(`Console plugin ${known[i]?.id} failed to load`, result.reason)
    toast(t("shell.pluginFailed", { id: known[i]?.id ?? "?" }), "error")
    return []
  })
  registerPlugins(list)
  // Without the page's word, ask the plugin that owns sessions, now that it is registered.
  if (!fromPage) await refreshSession()
  return list
}

/** A page that needs a signed-in viewer (with one of `roles`, if given). */
const guarded =
  (component: Component<any>, roles?: ConsoleRoute["roles"], forVisitors?: string) =>
  (props: Record<string, unknown>) => {
    const location = useLocation()
    return (
      <Switch fallback={<Dynamic component={component} {...props} />}>
        <Match when={!viewer()}>
          <Navigate href={forVisitors ?? signInHref(location.pathname + location.search)} />
        </Match>
        <Match when={roles && roles.length > 0 && !hasRole(viewer()!, ...roles)}>
          <Forbidden />
        </Match>
      </Switch>
    )
  }

const routesFor = (plugins: ReadonlyArray<ConsolePlugin>): RouteDefinition[] => [
  { path: "/", component: guarded(Home) },
  { path: "/sign-in", component: SignIn },
  ...routesOf(plugins).map((r) => ({
    path: r.path,
    component: r.public ? r.component : guarded(r.component, r.roles, r.forVisitors)
  })),
  { path: "*404", component: NotFound }
]

export const App = () => {
  const [plugins, { refetch }] = createResource(loadPlugins)
  return (
    <Switch>
      <Match when={plugins.error}>
        <div class="boot-screen">
          <ErrorNotice error={plugins.error} onRetry={refetch} />
        </div>
      </Match>
      <Match when={plugins() && sessionReady()}>
        <Router root={Shell}>{routesFor(plugins()!)}</Router>
      </Match>
      <Match when={true}>
        <div class="boot-screen">
          <Loading label={t("shell.loadingPlugins")} />
        </div>
      </Match>
    </Switch>
  )
}
