/**
 * @module The plugin's own demo content, shipped in its package (`demo/greetings.json`).
 */
import { readFileSync } from "node:fs"
import { Db } from "@wharf/core"
import { Effect } from "effect"

interface DemoFile {
  readonly greetings: ReadonlyArray<{ readonly message: string; readonly author: string }>
}

export const loadDemo = Effect.gen(function* () {
  const demo = JSON.parse(
    readFileSync(new URL("../../demo/greetings.json", import.meta.url), "utf8")
  ) as DemoFile
  const db = yield* Db
  for (const g of demo.greetings)
    yield* db.query(
      (sql) => sql`insert into hello.greetings (message, author) values (${g.message}, ${g.author})`
    )
})
