/** @module The logs routes' query: which container, from where (tail, since), and whether the previous run. */
import { WholeNumberFromString } from "@wharf/core/schemas"
import { Schema } from "effect"

const Name = Schema.String.pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(253)))

/** `?cluster=&namespace=&pod=&container=&tail=&sinceSeconds=&previous=true`. */
export const LogsQuery = Schema.Struct({
  cluster: Name,
  namespace: Name,
  pod: Name,
  container: Schema.optional(Name),
  /** Lines from the end to start with (Kubernetes' tailLines). */
  tail: Schema.optional(WholeNumberFromString(1, 100_000)),
  /** Only lines of the last N seconds. */
  sinceSeconds: Schema.optional(WholeNumberFromString(1, 30 * 86_400)),
  /** Only lines after this time (RFC 3339): a reconnecting view asks from its last line. */
  sinceTime: Schema.optional(Schema.String.pipe(Schema.check(Schema.isMaxLength(40)))),
  /** The previous (terminated) run of the container, as `kubectl logs --previous`. */
  previous: Schema.optional(Schema.Literals(["true", "false"]))
})
export type LogsQuery = typeof LogsQuery.Type

/** `?cluster=&namespace=&pod=`: a pod the terminal and logs pages open. */
export const PodQuery = Schema.Struct({ cluster: Name, namespace: Name, pod: Name })
