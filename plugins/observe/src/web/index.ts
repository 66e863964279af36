/**
 * @module The observe console: per-pod links (终端, 当前日志) on the host and app pages, and
 * their pages. Each part adds its routes and slot fills below.
 */
import { defineConsolePlugin } from "@wharf/core/web"
import { messages } from "./messages"

export default defineConsolePlugin({
  id: "observe",
  routes: [],
  messages
})
