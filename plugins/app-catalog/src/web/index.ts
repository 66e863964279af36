/**
 * @module The app catalog console (平台): 控制面板 (the section's landing page: installed apps,
 * live), 应用列表 (the catalog with search and tags), an app's page, the install wizard, and
 * an installed instance's page (概述, 配置, 控制台).
 */
import { defineConsolePlugin } from "@wharf/core/web"
import { lazy } from "solid-js"
import { installMessages } from "./install/messages"
import { messages } from "./messages"
import { panelMessages } from "./panel/messages"

export default defineConsolePlugin({
  id: "app-catalog",
  nav: [
    { path: "/apps", label: "panel.nav", order: 10, section: "platform" },
    { path: "/catalog", label: "catalog.nav", order: 20, section: "platform" }
  ],
  routes: [
    { path: "/apps", component: lazy(() => import("./pages/ControlPanel")) },
    { path: "/apps/:name", component: lazy(() => import("./pages/InstancePage")) },
    { path: "/catalog", component: lazy(() => import("./pages/Catalog")) },
    { path: "/catalog/:name", component: lazy(() => import("./pages/AppPage")) },
    { path: "/catalog/:name/install", component: lazy(() => import("./pages/Install")) }
  ],
  messages: {
    "zh-CN": { ...messages["zh-CN"], ...installMessages["zh-CN"], ...panelMessages["zh-CN"] },
    en: { ...messages.en, ...installMessages.en, ...panelMessages.en }
  }
})
