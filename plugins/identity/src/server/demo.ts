/**
 * @module Demo users and groups, read from `demo/identity.json`.
 */
import { readFileSync } from "node:fs"
import { Db, decode } from "@wharf/core"
import { Effect, Schema } from "effect"
import { CreateUserInput, GroupName, GroupRole } from "../shared/schemas"
import { createUser } from "./accounts"
import { addMember, createGroup } from "./groups"

const DemoIdentity = Schema.Struct({
  users: Schema.Array(CreateUserInput),
  groups: Schema.Array(
    Schema.Struct({
      name: GroupName,
      description: Schema.String,
      members: Schema.Array(Schema.Struct({ email: Schema.String, role: GroupRole }))
    })
  )
})

export const loadDemoIdentity = Effect.gen(function* () {
  const db = yield* Db
  const file = new URL("../../demo/identity.json", import.meta.url)
  const data = yield* decode(DemoIdentity)(JSON.parse(readFileSync(file, "utf8")))
  yield* db.transaction(
    Effect.gen(function* () {
      for (const user of data.users) yield* createUser(user)
      for (const g of data.groups) {
        const group = yield* createGroup({ name: g.name, description: g.description })
        for (const m of g.members) yield* addMember({ groupId: group.id, email: m.email, role: m.role })
      }
    })
  )
})
