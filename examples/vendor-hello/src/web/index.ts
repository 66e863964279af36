/**
 * @module The hello plugin's console part: a nav entry and its page, in zh-CN and en.
 * Wharf's console build includes it through this package's `./web` export when enabled.
 */
import { defineConsolePlugin } from "@wharf/core/web"
import { lazy } from "solid-js"
import { messages } from "./messages"

export default defineConsolePlugin({
  id: "hello",
  nav: [{ path: "/hello", label: "hello.nav", order: 90, section: "support" }],
  routes: [{ path: "/hello", component: lazy(() => import("./pages/Greetings")) }],
  messages
})
