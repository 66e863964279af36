/** @module The logs routes' query: which container, from where (tail, since), and whether the previous run. */
import { Schema } from "effect"

const Name = Schema.String.pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(253)))
const intFromString = (minimum: number, maximum: number) =>
  Schema.NumberFromString.pipe(
    Schema.check(Schema.isInt({ message: "must be a whole number" }), Schema.isBetween({ minimum, maximum }))
  )

/** `?cluster=&namespace=&pod=&container=&tail=&sinceSeconds=&previous=true`. */
export const LogsQuery = Schema.Struct({
  cluster: Name,
  namespace: Name,
  pod: Name,
  container: Schema.optional(Name),
  /** Lines from the end to start with (Kubernetes' tailLines). */
  tail: Schema.optional(intFromString(1, 100_000)),
  /** Only lines of the last N seconds. */
  sinceSeconds: Schema.optional(intFromString(1, 30 * 86_400)),
  /** Only lines after this time (RFC 3339): a reconnecting view asks from its last line. */
  sinceTime: Schema.optional(Schema.String.pipe(Schema.check(Schema.isMaxLength(40)))),
  /** The previous (terminated) run of the container, as `kubectl logs --previous`. */
  previous: Schema.optional(Schema.Literals(["true", "false"]))
})
export type LogsQuery = typeof LogsQuery.Type

/** `?cluster=&namespace=&pod=`: a pod the terminal and logs pages open. */
export const PodQuery = Schema.Struct({ cluster: Name, namespace: Name, pod: Name })
