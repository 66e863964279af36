/**
 * Plugins meet at extension points: one plugin defines a point, others contribute to it,
 * and the host hands each plugin what was contributed by the enabled ones only (a disabled
 * plugin contributes nothing). Run: `npx tsx core/examples/03-extension-points.ts`
 */

import { pathToFileURL } from "node:url"
import { Effect } from "effect"
import { Extensions, makeExtensions } from "../src/extensions"
import { contribute, defineExtensionPoint, definePlugin } from "../src/plugin"

/** Defined by the plugin that reads it (here: a support page listing quick links). */
interface QuickLink {
  readonly title: string
  readonly href: string
}
const quickLinks = defineExtensionPoint<QuickLink>("example.quick-links")

const manuals = definePlugin({
  id: "manuals",
  version: "0.1.0",
  contributions: [contribute(quickLinks, { title: "产品手册 Manuals", href: "/manuals" })]
})
const tickets = definePlugin({
  id: "helpdesk",
  version: "0.1.0",
  contributions: [contribute(quickLinks, { title: "提交工单 New ticket", href: "/tickets/new" })]
})

/** The reading side asks `Extensions`; it never imports the contributing plugins. */
const linksOnThePage = Effect.gen(function* () {
  const extensions = yield* Extensions
  return extensions.get(quickLinks).map((l) => `${l.title} → ${l.href}`)
})

/** What the host does at start-up: gather the contributions of the enabled plugins. */
const enabled = (...plugins: ReadonlyArray<typeof manuals | typeof tickets>) =>
  makeExtensions(plugins.flatMap((p) => p.contributions))

export const main = Effect.gen(function* () {
  return {
    both: yield* Effect.provideService(linksOnThePage, Extensions, enabled(manuals, tickets)),
    manualsOnly: yield* Effect.provideService(linksOnThePage, Extensions, enabled(manuals))
  }
})

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(await Effect.runPromise(main))
}
