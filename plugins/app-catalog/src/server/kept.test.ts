/**
 * The control panel's kept lists: computed once while what they are made from is unchanged
 * (a quiet second costs a fingerprint, not a recompute), computed afresh within a second of
 * a change made elsewhere, at once after a change made here, and never kept when they fail.
 */
import { Effect } from "effect"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import { makeKeptLists } from "./kept"

describe("kept control panel lists", () => {
  let lists = makeKeptLists()
  let computed = 0
  let fingerprints = 0
  let version = "v1"
  let failing = false
  const compute = Effect.suspend(() => {
    computed++
    return failing ? Effect.fail("down" as const) : Effect.succeed({ items: [computed] })
  })
  const fingerprint = Effect.sync(() => {
    fingerprints++
    return version
  })
  const read = (key = "admin") => Effect.runPromise(Effect.result(lists.keptFor(key, compute, fingerprint)))
  const later = (ms: number) => vi.setSystemTime(Date.now() + ms)

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] })
    lists = makeKeptLists()
    computed = 0
    fingerprints = 0
    version = "v1"
    failing = false
  })
  afterEach(() => vi.useRealTimers())

  it("computes a list once while nothing changes, checking one fingerprint a second", async () => {
    await Promise.all([read(), read(), read()])
    expect(computed).toBe(1)
    for (let i = 0; i < 5; i++) {
      later(1100)
      await Promise.all([read(), read(), read("tenant-a")])
    }
    // One list per key, computed once each; the checks share one fingerprint per second.
    expect(computed).toBe(2)
    expect(fingerprints).toBeLessThanOrEqual(2 + 5)
  })

  it("keeps each Wharf's lists apart: another's answer for the same key is not this one's", async () => {
    const other = makeKeptLists()
    await read()
    const theirs = await Effect.runPromise(
      Effect.result(other.keptFor("admin", Effect.succeed({ items: ["theirs"] }), fingerprint))
    )
    expect(theirs).toMatchObject({ success: { items: ["theirs"] } })
    expect(await read()).toMatchObject({ success: { items: [1] } })
  })

  it("computes afresh within a second of a change it did not make, and at once after its own", async () => {
    await read()
    version = "v2"
    await read()
    expect(computed).toBe(1)
    later(1100)
    await read()
    expect(computed).toBe(2)
    lists.forget()
    await read()
    expect(computed).toBe(3)
  })

  it("does not keep a failure", async () => {
    failing = true
    const first = await read()
    expect(first._tag).toBe("Failure")
    failing = false
    const second = await read()
    expect(second._tag).toBe("Success")
    expect(computed).toBe(2)
  })
})
