/**
 * @module The channels with their state now. Each channel's calendar comes from the plugins
 * that contribute to `support.service-hours` (the helpdesk's service calendars, with their
 * time zone and holidays); a calendar no contributor knows falls back to the built-in hours.
 */
import { Extensions } from "@wharf/core"
import { Effect } from "effect"
import { channels } from "../shared/content"
import { serviceHoursLookups } from "../shared/extension-points"
import { builtInHours, type Calendar, openState, type ServiceHours } from "../shared/hours"

/** The first contributor's answer for `key`; a lookup that fails is logged and skipped. */
const hoursOf = (key: Calendar) =>
  Effect.gen(function* () {
    for (const lookup of (yield* Extensions).get(serviceHoursLookups)) {
      const found = yield* lookup(key).pipe(
        Effect.catchCause((cause) =>
          Effect.as(
            Effect.logWarning(`service calendar ${key} unavailable, using built-in hours`, cause),
            null
          )
        )
      )
      if (found) return { hours: found, source: "calendar" as const }
    }
    return { hours: builtInHours[key], source: "built-in" as const }
  })

/** Channels with their hours and state at `at` (the server's clock by default). */
export const channelsNow = (at = new Date()) =>
  Effect.gen(function* () {
    const keys = [...new Set(channels.map((c) => c.calendar))]
    const found = new Map<Calendar, { hours: ServiceHours; source: "calendar" | "built-in" }>()
    for (const key of keys) found.set(key, yield* hoursOf(key))
    return channels.map((c) => {
      const { hours, source } = found.get(c.calendar)!
      const state = openState(hours, at)
      return {
        ...c,
        hours: { ...hours, source },
        open: state.open,
        holiday: state.holiday,
        next: state.next?.toISOString() ?? null
      }
    })
  })
