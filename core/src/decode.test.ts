import { Effect, Exit, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { decode } from "./decode"
import { errorBody, httpStatusOf, Invalid, NotFound, RateLimited } from "./errors"

const Quota = Schema.Struct({
  tenant: Schema.String,
  cpu: Schema.Number.pipe(Schema.check(Schema.isGreaterThan(0, { message: "must be more than 0" })))
})

describe("decoding input at the edge", () => {
  it("names every wrong field, not just the first", async () => {
    const exit = await Effect.runPromiseExit(decode(Quota)({ tenant: 3, cpu: -1 }))
    expect(Exit.isFailure(exit)).toBe(true)
    const error = Exit.isFailure(exit) ? (exit.cause.reasons[0] as { error: Invalid }).error : undefined
    expect(error).toBeInstanceOf(Invalid)
    expect(error?.issues).toEqual([
      { path: "tenant", message: "Expected string" },
      { path: "cpu", message: "must be more than 0" }
    ])
    expect(error?.message).toBe("tenant: Expected string; cpu: must be more than 0")
  })

  it("passes valid input through, decoded", async () => {
    expect(await Effect.runPromise(decode(Quota)({ tenant: "u-li", cpu: 24 }))).toEqual({
      tenant: "u-li",
      cpu: 24
    })
  })
})

describe("error mapping", () => {
  it("maps each error to one HTTP status and a body with code and message", () => {
    expect(httpStatusOf[new NotFound({ message: "No such ticket" })._tag]).toBe(404)
    expect(errorBody(new RateLimited({ message: "Slow down", retryAfterSeconds: 30 }))).toEqual({
      error: { code: "RateLimited", message: "Slow down", retryAfterSeconds: 30 }
    })
  })
})
