/** @module Slots the app-catalog pages leave for other plugins (an observe plugin's links). */
import { defineSlot } from "@wharf/core/slots"

/** On an app's 控制台 tab, per container: links such as a terminal, current logs or metrics. */
export const appPodLinks = defineSlot<{
  readonly clusterId: string
  readonly namespace: string
  readonly pod: string
  readonly container: string
}>("app.pod.links")
