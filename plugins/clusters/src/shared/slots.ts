/** @module Slots the clusters plugin's pages leave for other plugins (an observe plugin's links). */
import { defineSlot } from "@wharf/core/slots"

/** In a host's pod list, per container: links such as logs or a terminal. */
export const hostPodLinks = defineSlot<{
  readonly clusterId: string
  readonly namespace: string
  readonly pod: string
  readonly container: string
}>("host.pod.links")

/** Below a host's usage and pods: sections other plugins add (e.g. tenants' pod priorities). */
export const hostSections = defineSlot<{ readonly clusterId: string; readonly node: string }>("host.sections")
