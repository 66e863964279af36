import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import * as service from "./01-service"
import * as db from "./02-db"
import * as extensionPoints from "./03-extension-points"

/** The examples are documentation that runs: they must keep saying what they say. */
describe("core examples", () => {
  it("01: a service's tagged error is handled by its tag", async () => {
    expect(await Effect.runPromise(Effect.provide(service.main, service.Customers.layer))).toEqual([
      "你好, 李伟",
      "你好, #c9?"
    ])
  })
  it("02: a failed transaction leaves nothing, and only a commit runs afterCommit", async () => {
    expect(await Effect.runPromise(db.main)).toEqual({ notes: ["kept"], said: ["committed"] })
  })
  it("03: only enabled plugins' contributions reach an extension point", async () => {
    expect(await Effect.runPromise(extensionPoints.main)).toEqual({
      both: ["产品手册 Manuals → /manuals", "提交工单 New ticket → /tickets/new"],
      manualsOnly: ["产品手册 Manuals → /manuals"]
    })
  })
})
