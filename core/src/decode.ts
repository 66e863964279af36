/**
 * @module Decoding untrusted input with Effect Schema into `Invalid` errors that name
 * each wrong field, so every edge (tRPC, REST, CLI, jobs) reports bad input the same way.
 */
import { Effect, Schema, SchemaIssue } from "effect"
import { Invalid } from "./errors"

const formatter = SchemaIssue.makeFormatterStandardSchemaV1()

export const issuesOf = (issue: SchemaIssue.Issue) =>
  formatter(issue).issues.map((i) => ({
    path: (i.path ?? []).map((p) => String(typeof p === "object" ? p.key : p)).join("."),
    message: i.message
  }))

export const invalidFrom = (issue: SchemaIssue.Issue): Invalid => {
  const issues = issuesOf(issue)
  const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ")
  return new Invalid({ message: message || "The input is not valid", issues })
}

/** Decode `input` with `schema`, failing with an `Invalid` that lists every wrong field. */
export const decode =
  <S extends Schema.Constraint>(schema: S) =>
  (input: unknown): Effect.Effect<S["Type"], Invalid, S["DecodingServices"]> =>
    Schema.decodeUnknownEffect(schema)(input, { errors: "all" }).pipe(
      Effect.mapError((e) => invalidFrom(e.issue))
    )
