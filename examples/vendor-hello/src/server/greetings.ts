/**
 * @module Greetings: the service both the tRPC procedures and the REST route call.
 */
import { Db, requireViewer } from "@wharf/core"
import { Effect } from "effect"
import type { Greeting } from "../shared"

export const listGreetings = Effect.gen(function* () {
  const db = yield* Db
  return yield* db.query(
    (sql) =>
      sql<Greeting[]>`select id::text, message, author from hello.greetings order by created_at desc, id desc`
  )
})

export const addGreeting = Effect.fn("Greetings.add")(function* (message: string) {
  const viewer = yield* requireViewer
  const db = yield* Db
  const [row] = yield* db.query(
    (sql) =>
      sql<{ id: string }[]>`
        insert into hello.greetings (message, author) values (${message}, ${viewer.email}) returning id::text`
  )
  return { id: row!.id, message, author: viewer.email } satisfies Greeting
})
