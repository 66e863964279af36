/**
 * @module Ticket list pages, remembered for a moment. Agents' queues and customers' lists
 * are read far more often than tickets change (a console refreshes them; every agent reads
 * the same queue), and under load the list statement was most of a request's cost
 * (docs/benchmarks.md, helpdesk).
 *
 * A page is kept for at most `LIST_CACHE_MILLIS`, and every change to what a list shows
 * (a ticket, a category's name) forgets all pages: on this replica once the change has
 * committed (`listsChanged`, so whoever made it sees it on their very next read), on the
 * others by the `helpdesk.lists` event that the tables' triggers publish through core's
 * Events (migrations 0003, 0006): at once where NOTIFY works, within Events' bound where it
 * does not. The lifetime bounds the staleness too, and it also bounds how old the SLA
 * badges ("due within the hour") of a kept page can be.
 */
import { Db, Events } from "@wharf/core"
import { Context, Deferred, Effect, Layer, Option } from "effect"

export const LIST_CACHE_MILLIS = 2_000
/** Pages of ~20 summaries (a few KiB each); the oldest go first. */
const MAX_PAGES = 1_000
/** Published by the triggers on what a list shows (migration 0006). */
const LISTS_CHANGED = "helpdesk.lists"

interface Entry {
  readonly value: unknown
  readonly until: number
}

export interface TicketListCacheShape {
  readonly lookup: (key: string) => unknown
  /** Taken before reading the database and handed back to `remember`: if anything changed
   * in between, what was read may be stale and is not kept. */
  readonly ticket: () => { readonly generation: number; readonly at: number }
  readonly remember: (ticket: { generation: number; at: number }, key: string, value: unknown) => void
  /** Reads under way since the last change, by key: who misses too waits for the same read. */
  readonly reading: Map<string, Deferred.Deferred<unknown, unknown>>
  readonly forgetAll: () => void
}

export class TicketListCache extends Context.Service<TicketListCache, TicketListCacheShape>()(
  "wharf/helpdesk/TicketListCache"
) {}

export const makeTicketListCache = (now: () => number = () => Date.now()): TicketListCacheShape => {
  const pages = new Map<string, Entry>()
  const reading = new Map<string, Deferred.Deferred<unknown, unknown>>()
  let generation = 0
  return {
    lookup: (key) => {
      const entry = pages.get(key)
      if (!entry) return undefined
      if (entry.until > now()) return entry.value
      pages.delete(key)
      return undefined
    },
    ticket: () => ({ generation, at: now() }),
    remember: (ticket, key, value) => {
      if (ticket.generation !== generation) return
      pages.delete(key)
      // The lifetime counts from before the read: the page is never older than it says.
      pages.set(key, { value, until: ticket.at + LIST_CACHE_MILLIS })
      if (pages.size > MAX_PAGES) pages.delete(pages.keys().next().value!)
    },
    reading,
    forgetAll: () => {
      generation++
      pages.clear()
      // A read under way may predate the change: whoever asks from now on reads anew.
      reading.clear()
    }
  }
}

export const ticketListCacheLayer = Layer.effect(
  TicketListCache,
  Effect.gen(function* () {
    const cache = makeTicketListCache()
    yield* (yield* Events).subscribe(LISTS_CHANGED, () => Effect.sync(cache.forgetAll))
    return TicketListCache.of(cache)
  })
)

/**
 * The page under `key`, from the cache or from `read` (called only on a miss). The key must
 * name everything the page depends on: whose view it is (`visibleScope`) and every filter.
 * A kept page is frozen: it is shared by every request that gets it, and a frozen answer's
 * JSON is written only once (core's REST routes).
 */
export const cachedList = <A extends object, E, R>(
  key: string,
  read: () => Effect.Effect<A, E, R>
): Effect.Effect<A, E, R> =>
  Effect.gen(function* () {
    const found = yield* Effect.serviceOption(TicketListCache)
    if (Option.isNone(found)) return yield* read()
    const cache = found.value
    const kept = cache.lookup(key)
    if (kept !== undefined) return kept as A
    // After a change every connection misses at once; one read answers them all.
    const joined = cache.reading.get(key)
    if (joined) return yield* Deferred.await(joined) as Effect.Effect<A, E>
    // Uninterruptible from the moment others can join: they must get an answer even if this
    // request is dropped.
    const exit = yield* Effect.uninterruptible(
      Effect.gen(function* () {
        const result = Deferred.makeUnsafe<unknown, unknown>()
        cache.reading.set(key, result)
        const ticket = cache.ticket()
        const exit = yield* Effect.exit(Effect.map(read(), (page): A => Object.freeze(page)))
        if (cache.reading.get(key) === result) cache.reading.delete(key)
        if (exit._tag === "Success") cache.remember(ticket, key, exit.value)
        yield* Deferred.done(result, exit)
        return exit
      })
    )
    return yield* exit
  })

/**
 * Call next to each statement that changes what a list shows (inside or outside a
 * transaction): this replica's pages are forgotten when it commits.
 */
export const listsChanged = Effect.gen(function* () {
  const found = yield* Effect.serviceOption(TicketListCache)
  if (Option.isNone(found)) return
  const db = yield* Db
  yield* db.afterCommit(found.value.forgetAll)
})
