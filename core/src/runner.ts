/**
 * @module Running a request's effect on the server's runtime, with the viewer provided,
 * and turning its failure into one of the Wharf errors (or an internal error that is
 * logged and never shown in detail).
 */
import { Cause, Effect, Exit, Option } from "effect"
import { DbError } from "./db/Db"
import { Invalid, isWharfError, type WharfError } from "./errors"
import { CurrentViewer, type Viewer } from "./viewer"

/** Runs an effect needing any enabled plugin's services (the runtime has them all). */
export type RunEffect = <A, E>(effect: Effect.Effect<A, E, any>) => Promise<A>

/** Thrown by `run` for failures that are not Wharf errors; the message is safe to show. */
export class InternalError extends Error {
  constructor(override readonly cause: unknown) {
    super("Something went wrong on the server; the details are in its log")
  }
}

export type RuntimeLike = {
  runPromiseExit: <A, E>(e: Effect.Effect<A, E, any>) => Promise<Exit.Exit<A, unknown>>
}

export const failureOf = (cause: Cause.Cause<unknown>): WharfError | InternalError => {
  const failure = Cause.findErrorOption(cause)
  if (Option.isSome(failure) && isWharfError(failure.value)) return failure.value
  // SQLSTATE class 22 is "data exception": the value itself cannot be stored (a NUL
  // character, a number out of range). That is bad input, not a server fault.
  if (Option.isSome(failure) && failure.value instanceof DbError && failure.value.code?.startsWith("22")) {
    return new Invalid({ message: `A value cannot be stored: ${failure.value.message}` })
  }
  return new InternalError(Option.isSome(failure) ? failure.value : Cause.squash(cause))
}

export const makeRun =
  (runtime: RuntimeLike, viewer: Viewer | null, log: (e: InternalError) => void): RunEffect =>
  async (effect) => {
    const exit = await runtime.runPromiseExit(Effect.provideService(effect, CurrentViewer, viewer))
    if (Exit.isSuccess(exit)) return exit.value
    const failure = failureOf(exit.cause)
    if (failure instanceof InternalError) log(failure)
    throw failure
  }
