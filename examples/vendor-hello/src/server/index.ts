/**
 * @module The hello plugin's server part: a migration, tRPC procedures, a REST route and
 * demo content. Wharf finds it through this package's `./server` export.
 */
import { authedProcedure, definePlugin, defineRoutes, input, readMigrations, router } from "@wharf/core"
import { Effect } from "effect"
import { GreetingInput } from "../shared"
import { loadDemo } from "./demo"
import { addGreeting, listGreetings } from "./greetings"

export const helloPlugin = definePlugin({
  id: "hello",
  version: "1.0.0",
  description: "Greetings: an example of a vendor's plugin",
  dependsOn: ["identity"],
  migrations: readMigrations(new URL("../../migrations/", import.meta.url)),
  router: router({
    greetings: router({
      list: authedProcedure.query(({ ctx }) => ctx.run(listGreetings)),
      add: authedProcedure
        .input(input(GreetingInput))
        .mutation(({ ctx, input }) => ctx.run(addGreeting(input.message)))
    })
  }),
  routes: defineRoutes((r) =>
    r.get("/hello/greetings", { summary: "List the greetings", access: "user" }, () =>
      Effect.map(listGreetings, (items) => ({ items }))
    )
  ),
  demo: loadDemo
})

export default helloPlugin
