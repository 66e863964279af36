/**
 * @module When a sign-in may have ended: sign-out, a password change, a user disabled, a role
 * or group changed. Another plugin holding something open for a viewer (a pod's terminal)
 * subscribes and checks its viewer again at once instead of polling. Told on this replica
 * as the change is made and on the others by NOTIFY (PostgreSQL); PGlite tells only this one.
 */
import { Context } from "effect"

export interface SessionChangesShape {
  /** Calls `listener` after each such change; returns what stops it. The listener should
   * re-check its own viewer (e.g. `SocketSession.stillSignedIn`): the change may be another's. */
  readonly subscribe: (listener: () => void) => () => void
}

export class SessionChanges extends Context.Service<SessionChanges, SessionChangesShape>()(
  "identity/SessionChanges"
) {}
