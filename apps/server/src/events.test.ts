import { CATCH_UP_MILLIS, Db, Events } from "@wharf/core"
import { testBackends } from "@wharf/core/testing"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startTestWharf, type TestWharf } from "./testing"

/** Core's `Events` between two servers on one database (two replicas). */
describe.each(testBackends())("Events on $name", (backend) => {
  let first: TestWharf
  let second: TestWharf
  const heard: Array<{ payload: string; at: number }> = []
  beforeAll(async () => {
    first = await startTestWharf({ backend, plugins: ["identity"] })
    second = await startTestWharf({ backend, plugins: ["identity"], databaseUrl: first.databaseUrl })
    await second.runtime.runPromise(
      Events.use((events) =>
        events.subscribe("test.topic", (payloads) =>
          Effect.sync(() => {
            for (const payload of payloads) heard.push({ payload, at: Date.now() })
          })
        )
      )
    )
  })
  afterAll(async () => {
    await second?.stop()
    await first?.stop()
  })

  const publish = (payload: string) =>
    first.runtime.runPromise(Events.use((events) => events.publish("test.topic", payload)))
  const heardOf = async (payload: string, within: number) => {
    const until = Date.now() + within
    while (Date.now() < until) {
      const found = heard.find((h) => h.payload === payload)
      if (found) return found
      await new Promise((r) => setTimeout(r, 20))
    }
    return heard.find((h) => h.payload === payload)
  }
  // PostgreSQL notifies at once; PGlite delivers no notification, so the periodic read bounds it.
  const bound = backend.name === "postgres" ? 500 : CATCH_UP_MILLIS + 500

  it("a publish on one server reaches a subscriber on another server on the same database", async () => {
    const sent = Date.now()
    await publish("hello")
    const got = await heardOf("hello", bound)
    expect(got).toBeDefined()
    expect(got!.at - sent).toBeLessThanOrEqual(bound)
    // Heard once, however it arrived (the notification, the periodic read).
    await new Promise((r) => setTimeout(r, bound))
    expect(heard.filter((h) => h.payload === "hello")).toHaveLength(1)
  })

  it("the publishing server's own subscribers hear each event once, as soon as it commits", async () => {
    const here: string[] = []
    await first.runtime.runPromise(
      Events.use((events) =>
        events.subscribe("test.local", (payloads) => Effect.sync(() => here.push(...payloads)))
      )
    )
    await first.runtime.runPromise(
      Events.use((events) => Effect.andThen(events.publish("test.local", "mine"), events.catchUp))
    )
    expect(here).toEqual(["mine"])
    await new Promise((r) => setTimeout(r, bound))
    expect(here).toEqual(["mine"])
  })

  it("is delivered only once the transaction commits, never if it rolls back", async () => {
    const exit = await first.runtime.runPromiseExit(
      Db.use((db) =>
        db.transaction(
          Effect.gen(function* () {
            yield* (yield* Events).publish("test.topic", "rolled back")
            return yield* Effect.fail("refused")
          })
        )
      )
    )
    expect(exit._tag).toBe("Failure")
    let releaseCommit = () => {}
    const committed = first.runtime.runPromise(
      Db.use((db) =>
        db.transaction(
          Effect.gen(function* () {
            yield* (yield* Events).publish("test.topic", "committed")
            // Held open past the bound: nothing may be heard before the commit.
            yield* Effect.promise(() => new Promise<void>((r) => (releaseCommit = r)))
          })
        )
      )
    )
    await new Promise((r) => setTimeout(r, bound))
    expect(heard.map((h) => h.payload)).not.toContain("committed")
    releaseCommit()
    await committed
    expect(await heardOf("committed", bound)).toBeDefined()
    expect(heard.map((h) => h.payload)).not.toContain("rolled back")
  })
})
