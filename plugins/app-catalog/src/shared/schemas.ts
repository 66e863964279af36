/** @module Input schemas of the catalog API, shared by the server (decoding) and the console. */
import { Schema } from "effect"

const Short = (max: number) =>
  Schema.String.pipe(Schema.check(Schema.isMaxLength(max, { message: `must be at most ${max} characters` })))

export const CatalogQuery = Schema.Struct({ q: Schema.optional(Short(200)), tag: Schema.optional(Short(40)) })
export const AppNameInput = Schema.Struct({ name: Short(60) })
