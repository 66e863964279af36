/** @module Slots the app-catalog pages leave for other plugins (an observe plugin's links and charts). */
import { defineSlot } from "@wharf/core/slots"

/** On an app's 控制台 tab, per container: links such as a terminal, current logs or metrics. */
export const appPodLinks = defineSlot<{
  readonly clusterId: string
  readonly namespace: string
  readonly pod: string
  readonly container: string
}>("app.pod.links")

/** On an app's 控制台 tab, below its pods: sections such as the instance's metrics by role. */
export const appConsoleSections = defineSlot<{
  readonly clusterId: string
  readonly namespace: string
  /** The instance's name (its pods' `wharf.io/app-instance` label). */
  readonly instance: string
}>("app.console.sections")
