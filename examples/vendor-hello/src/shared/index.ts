/**
 * @module What the hello plugin's server and console share: the greeting's shape and the
 * input that adds one, decoded at the edge.
 */
import { Text } from "@wharf/core/schemas"
import { Schema } from "effect"

export interface Greeting {
  readonly id: string
  readonly message: string
  readonly author: string
}

export const GreetingInput = Schema.Struct({
  // Core's shared schemas name each bound in the refusal, as every plugin's fields do.
  message: Text(1, 200)
})
