/** @module Server messages in the viewer's language (zh-CN unless they chose English). */
import { CurrentViewer } from "@wharf/core"
import { Effect } from "effect"

export type Say = (zh: string, en: string) => string

export const sayer = Effect.gen(function* () {
  const viewer = yield* CurrentViewer
  const say: Say = viewer?.locale === "en" ? (_zh, en) => en : (zh) => zh
  return say
})
