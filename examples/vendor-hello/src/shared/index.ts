/**
 * @module What the hello plugin's server and console share: the greeting's shape and the
 * input that adds one, decoded at the edge.
 */
import { Schema } from "effect"

export interface Greeting {
  readonly id: string
  readonly message: string
  readonly author: string
}

export const GreetingInput = Schema.Struct({
  message: Schema.String.pipe(
    Schema.check(Schema.isMinLength(1, { message: "must not be empty" })),
    Schema.check(Schema.isMaxLength(200, { message: "must be at most 200 characters" }))
  )
})
