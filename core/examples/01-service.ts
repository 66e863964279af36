/**
 * A service is a class with an id, implemented by a Layer and swapped in tests; its errors
 * are tagged values the caller handles by tag. Run: `npx tsx core/examples/01-service.ts`
 */

import { pathToFileURL } from "node:url"
import { Context, Effect, Layer, Schema } from "effect"

/** A tagged error: part of the type, handled by its tag, never thrown across the boundary. */
class NoSuchCustomer extends Schema.TaggedError<NoSuchCustomer>()("NoSuchCustomer", { id: Schema.String }) {}

export class Customers extends Context.Service<
  Customers,
  { readonly nameOf: (id: string) => Effect.Effect<string, NoSuchCustomer> }
>()("example/Customers") {
  static readonly layer = Layer.succeed(Customers, {
    nameOf: (id) => (id === "c1" ? Effect.succeed("李伟") : Effect.fail(new NoSuchCustomer({ id })))
  })
  /** Tests swap the implementation, not the callers. */
  static readonly layerTest = Layer.succeed(Customers, { nameOf: () => Effect.succeed("Test Customer") })
}

/** A traced function: the span's name is the log context of everything inside. */
const greet = Effect.fn("Example.greet")(function* (id: string) {
  const customers = yield* Customers
  const name = yield* customers
    .nameOf(id)
    .pipe(Effect.catchTag("NoSuchCustomer", (e) => Effect.succeed(`#${e.id}?`)))
  return `你好, ${name}`
})

export const main = Effect.gen(function* () {
  return [yield* greet("c1"), yield* greet("c9")]
})

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(await Effect.runPromise(Effect.provide(main, Customers.layer)))
  console.log(await Effect.runPromise(Effect.provide(main, Customers.layerTest)))
}
