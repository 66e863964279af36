/**
 * @module Running a request's effect on the server's runtime, with the viewer provided,
 * and turning its failure into one of the Wharf errors (or an internal error that is
 * logged and never shown in detail).
 */
import { Cause, Effect, Exit, Option, Result } from "effect"
import { DbError } from "./db/Db"
import { Invalid, isWharfError, Unavailable, type WharfError } from "./errors"
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

/**
 * A data exception in the user's words: the database's own text names its types and echoes
 * the value, and is never shown (`invalid input syntax for type uuid: "../../etc/passwd"`).
 */
const dataException = (code: string) => {
  switch (code) {
    case "22P02": // invalid_text_representation: an id or number of the wrong form
      return { message: "An id or number is not in the form expected", reason: "core.valueForm" }
    case "22003": // numeric_value_out_of_range
      return { message: "A number is too large", reason: "core.numberTooLarge" }
    case "22007": // invalid_datetime_format
    case "22008": // datetime_field_overflow
      return { message: "A date is not a real date", reason: "core.invalidDate" }
    case "22021": // character_not_in_repertoire
    case "22P05": // untranslatable_character (a NUL)
      return { message: "Text contains a character that cannot be stored", reason: "core.textNotStorable" }
    default:
      return { message: "A value cannot be stored", reason: "core.valueNotStorable" }
  }
}

export const failureOf = (cause: Cause.Cause<unknown>): WharfError | InternalError => {
  const failure = Cause.findErrorOption(cause)
  if (Option.isSome(failure) && isWharfError(failure.value)) return failure.value
  // SQLSTATE class 22 is "data exception": the value itself cannot be stored (a NUL
  // character, a number out of range). That is bad input, not a server fault.
  if (Option.isSome(failure) && failure.value instanceof DbError && failure.value.code?.startsWith("22")) {
    return new Invalid(dataException(failure.value.code))
  }
  return new InternalError(Option.isSome(failure) ? failure.value : Cause.squash(cause))
}

/** Effect's `ManagedRuntime` dies with this text when asked to run after it was disposed. */
const isRuntimeClosed = (cause: Cause.Cause<unknown>) => {
  const defect = Cause.findDefect(cause)
  return Result.isSuccess(defect) && defect.success === "ManagedRuntime disposed"
}

export const makeRun =
  (runtime: RuntimeLike, viewer: Viewer | null, log: (e: InternalError) => void): RunEffect =>
  async (effect) => {
    const exit = await runtime.runPromiseExit(Effect.provideService(effect, CurrentViewer, viewer))
    if (Exit.isSuccess(exit)) return exit.value
    // Interrupted and nothing else, or run after the runtime closed: Wharf is stopping (or
    // the caller went away). Not a fault to log; without this every open stream wrote an
    // ERROR line at each shutdown, and a keep-alive connection's last request got a 500.
    if (Cause.hasInterruptsOnly(exit.cause) || isRuntimeClosed(exit.cause))
      throw new Unavailable({ message: "Wharf is stopping" })
    const failure = failureOf(exit.cause)
    if (failure instanceof InternalError) log(failure)
    throw failure
  }
