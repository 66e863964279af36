/**
 * @module An action outside a form (revoke, remove, allow): busy while it runs, then a toast
 * saying what was done, or why it failed in the reader's words. Forms use `createSubmit`
 * instead, which shows a failure inline, beside the fields it names.
 */
import { createSignal } from "solid-js"
import { describeError } from "./Feedback"
import { toast } from "./Toast"

export interface Action {
  readonly busy: () => boolean
  /**
   * Runs `act`; on success toasts `done` (its text, once `act` has answered) and resolves
   * true, on failure toasts the error and resolves false.
   */
  readonly run: (act: () => Promise<unknown>, done?: () => string) => Promise<boolean>
}

export const createAction = (): Action => {
  const [busy, setBusy] = createSignal(false)
  return {
    busy,
    run: async (act, done) => {
      setBusy(true)
      try {
        await act()
        if (done) toast(done())
        return true
      } catch (error) {
        toast(describeError(error), "error")
        return false
      } finally {
        setBusy(false)
      }
    }
  }
}
