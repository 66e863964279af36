/**
 * @module Who a session cookie belongs to, remembered for a few seconds. Signing a request
 * in costs three queries (session, user, groups); under load that was a fifth of the
 * server's CPU per request (docs/benchmarks.md, helpdesk). Every change in this plugin
 * that could change the answer (sign-out, role, disable, name, locale, membership, group
 * rename or delete) forgets the entries it affects, so on this replica it applies to the
 * very next request. Other replicas hold their own copies: each change is also published
 * on core's `Events`, which every replica follows, so a change applies everywhere at once
 * where NOTIFY works and within `CATCH_UP_MILLIS` (1 s) anywhere. If the database cannot be
 * read at all, the bound is `SIGN_IN_CACHE_SECONDS`: then the entry is read again.
 */
import { Events, type Viewer } from "@wharf/core"
import { Context, Effect, Layer, Option } from "effect"

export const SIGN_IN_CACHE_SECONDS = 5
/** Enough for every active browser of a large tenant; the oldest entries go first. */
const MAX_ENTRIES = 10_000

interface SessionEntry {
  readonly userId: string
  readonly csrfToken: string
  /** Until when the entry may answer: the TTL, or the session's own expiry if sooner. */
  readonly until: number
}

interface ViewerEntry {
  readonly viewer: Viewer
  readonly until: number
}

export interface SignInCacheShape {
  readonly session: (sessionId: string) => SessionEntry | undefined
  readonly viewer: (userId: string) => Viewer | undefined
  /** A reader takes a ticket before reading the database and hands it back to `remember`:
   * if anything was forgotten in between, what it read may be stale and is not kept. */
  readonly ticket: () => number
  readonly rememberSession: (
    ticket: number,
    sessionId: string,
    entry: { userId: string; csrfToken: string; expiresAt: Date }
  ) => void
  readonly rememberViewer: (ticket: number, viewer: Viewer) => void
  readonly forgetSession: (sessionId: string) => void
  /** The user's viewer and every session of theirs. */
  readonly forgetUser: (userId: string) => void
  /** Everything (a group renamed or deleted changes the viewer of each of its members). */
  readonly forgetAll: () => void
  /** Told after each forget (see `SessionChanges`); returns what stops it. */
  readonly onForget: (listener: () => void) => () => void
}

export class SignInCache extends Context.Service<SignInCache, SignInCacheShape>()(
  "wharf/identity/SignInCache"
) {}

const bounded = <V>(map: Map<string, V>, key: string, value: V) => {
  map.delete(key)
  map.set(key, value)
  if (map.size > MAX_ENTRIES) map.delete(map.keys().next().value!)
}

export const makeSignInCache = (ttlMs = SIGN_IN_CACHE_SECONDS * 1000): SignInCacheShape => {
  const sessions = new Map<string, SessionEntry>()
  const viewers = new Map<string, ViewerEntry>()
  // Bumped by every forget; a read that started before a forget must not be remembered.
  let generation = 0
  const listeners = new Set<() => void>()
  const forgotten = () => {
    for (const listener of listeners)
      try {
        listener()
      } catch {
        // One subscriber's failure must not keep the others from hearing.
      }
  }
  const fresh = <E extends { until: number }>(map: Map<string, E>, key: string) => {
    const entry = map.get(key)
    if (entry === undefined) return undefined
    if (entry.until > Date.now()) return entry
    map.delete(key)
    return undefined
  }
  return {
    session: (id) => fresh(sessions, id),
    viewer: (userId) => fresh(viewers, userId)?.viewer,
    ticket: () => generation,
    rememberSession: (ticket, id, entry) => {
      if (ticket !== generation) return
      const until = Math.min(Date.now() + ttlMs, entry.expiresAt.getTime())
      bounded(sessions, id, { userId: entry.userId, csrfToken: entry.csrfToken, until })
    },
    rememberViewer: (ticket, viewer) => {
      if (ticket !== generation) return
      bounded(viewers, viewer.id, { viewer: deepFreeze(viewer), until: Date.now() + ttlMs })
    },
    forgetSession: (id) => {
      generation++
      sessions.delete(id)
      forgotten()
    },
    forgetUser: (userId) => {
      generation++
      viewers.delete(userId)
      for (const [id, s] of sessions) if (s.userId === userId) sessions.delete(id)
      forgotten()
    },
    forgetAll: () => {
      generation++
      viewers.clear()
      sessions.clear()
      forgotten()
    },
    onForget: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}

/** A cached viewer is shared by concurrent requests: nobody may change it in place. */
const deepFreeze = (viewer: Viewer): Viewer => {
  for (const g of viewer.groups) Object.freeze(g)
  Object.freeze(viewer.groups)
  Object.freeze(viewer.roles)
  return Object.freeze(viewer)
}

/** What a change made stale: one session (by id), everything about one user, or everything. */
export type Stale = { readonly session: string } | { readonly user: string } | "everything"

const TOPIC = "identity.sign-in-stale"

const applyTo = (cache: SignInCacheShape, stale: Stale) => {
  if (stale === "everything") cache.forgetAll()
  else if ("session" in stale) cache.forgetSession(stale.session)
  else cache.forgetUser(stale.user)
}

/** An event from another replica (or this one); anything unreadable forgets everything. */
const staleOf = (payload: string): Stale => {
  try {
    const parsed = JSON.parse(payload) as { session?: unknown; user?: unknown }
    if (typeof parsed.session === "string") return { session: parsed.session }
    if (typeof parsed.user === "string") return { user: parsed.user }
  } catch {}
  return "everything"
}

export const signInCacheLayer = Layer.effect(
  SignInCache,
  Effect.gen(function* () {
    const events = yield* Events
    const cache = makeSignInCache()
    yield* events.subscribe(TOPIC, (payloads) =>
      Effect.sync(() => {
        for (const payload of payloads) applyTo(cache, staleOf(payload))
      })
    )
    return SignInCache.of(cache)
  })
)

/**
 * Forget what a change made stale, here at once and on every other replica by an event.
 * Call it after the change is committed. Without the cache (no authenticator built) there
 * is nothing to forget.
 */
export const forget = (stale: Stale) =>
  Effect.gen(function* () {
    const cache = yield* Effect.serviceOption(SignInCache)
    if (Option.isNone(cache)) return
    applyTo(cache.value, stale)
    const events = yield* Events
    yield* events.publish(TOPIC, JSON.stringify(stale)).pipe(
      // The change itself is made; other replicas then catch up within the cache's lifetime.
      Effect.catch((e) => Effect.logWarning("could not tell other replicas a sign-in is stale", e.message))
    )
  })
