/**
 * @module The one way to write a dialog that edits something and saves it. Every admin
 * dialog used to keep its own busy and error signals, its own try/catch around the
 * mutation, its own "required" lookup and its own Cancel + primary footer; they drifted.
 * `createSubmit` holds the state of one save, `FormDialog` draws the dialog around it.
 */
import { type Accessor, createSignal, createUniqueId, type JSX } from "solid-js"
import { fieldIssues } from "../api"
import { t } from "../i18n"
import { Button } from "./Button"
import { Dialog } from "./Dialog"
import { describeError } from "./Feedback"

export interface FormSubmit {
  /** Whether the user has tried to save since the form opened: show problems from then on. */
  readonly tried: Accessor<boolean>
  readonly busy: Accessor<boolean>
  /** The failed save (or load) in words, for a `FormError`. */
  readonly failure: Accessor<string | undefined>
  /** The server's complaint about one field, from a 400's issues. */
  readonly issue: (field: string) => string | undefined
  /** `message` once the user has tried to save and `value` is blank. */
  readonly required: (value: string, message: string) => string | undefined
  /** Mark a save attempt, so the fields' own checks start to show. */
  readonly attempt: () => void
  /** Run the save: busy meanwhile, and a failure goes to `failure` and `issue`. */
  readonly run: (save: () => Promise<unknown>) => Promise<void>
  /** Show a failure that did not come from `run` (loading what to edit, say). */
  readonly fail: (error: unknown) => void
  /** Start fresh, when the dialog opens. */
  readonly reset: () => void
}

export const createSubmit = (): FormSubmit => {
  const [tried, setTried] = createSignal(false)
  const [busy, setBusy] = createSignal(false)
  const [failure, setFailure] = createSignal<string>()
  const [issues, setIssues] = createSignal<Record<string, string>>({})
  const fail = (error: unknown) => {
    setIssues(fieldIssues(error))
    setFailure(describeError(error))
  }
  return {
    tried,
    busy,
    failure,
    issue: (field) => issues()[field],
    required: (value, message) => (tried() && !value.trim() ? message : undefined),
    attempt: () => setTried(true),
    run: async (save) => {
      setBusy(true)
      setFailure(undefined)
      setIssues({})
      try {
        await save()
      } catch (error) {
        fail(error)
      } finally {
        setBusy(false)
      }
    },
    fail,
    reset: () => {
      setTried(false)
      setFailure(undefined)
      setIssues({})
    }
  }
}

/**
 * A dialog around a form, with Cancel and one primary button in its footer. Esc and Cancel
 * close it. With `submitOnEnter` the fields are a real form that Enter submits; without,
 * only the button saves (a dialog whose fields are mostly long text).
 */
export const FormDialog = (props: {
  open: boolean
  title: string
  submitLabel: string
  /** Its `busy` shows on the primary button. */
  submit: FormSubmit
  onSubmit: () => void
  onClose: () => void
  submitOnEnter?: boolean
  /** The primary button waits, e.g. while what to edit loads. */
  disabled?: boolean
  /** More buttons, before Cancel (a Delete, say). */
  actions?: JSX.Element
  children: JSX.Element
}) => {
  const formId = createUniqueId()
  return (
    <Dialog
      open={props.open}
      title={props.title}
      onClose={props.onClose}
      footer={
        <>
          {props.actions}
          <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
          <Button
            variant="primary"
            loading={props.submit.busy()}
            disabled={props.disabled ?? false}
            type={props.submitOnEnter ? "submit" : "button"}
            form={props.submitOnEnter ? formId : undefined}
            onClick={props.submitOnEnter ? undefined : () => props.onSubmit()}
          >
            {props.submitLabel}
          </Button>
        </>
      }
    >
      <form
        id={formId}
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          if (props.submitOnEnter) props.onSubmit()
        }}
      >
        {props.children}
      </form>
    </Dialog>
  )
}

/** The props a required text field takes from `createRequiredFields`. */
export interface BoundField {
  readonly required: true
  readonly value: string
  readonly error: string | undefined
  readonly onInput: (e: { currentTarget: { value: string } }) => void
}

export interface RequiredFields<F extends Record<string, string>> {
  readonly values: Accessor<F>
  /** Fill the form afresh (when the dialog opens, with what it edits). */
  readonly fill: (values: F) => void
  /** `<TextInput label=… {...fields.bind("name")} />`: its value, setter and "required" error. */
  readonly bind: (key: keyof F & string) => BoundField
  /** Marks a save attempt; the values trimmed, or undefined while one is blank (now named). */
  readonly complete: () => F | undefined
}

/**
 * A form whose fields are all required text, kept as one record: the admin dialogs that
 * wrote their own `set(k)`/`err(k)` pair for each field share this one.
 */
export const createRequiredFields = <F extends Record<string, string>>(
  submit: FormSubmit,
  initial: F,
  requiredMessage: () => string
): RequiredFields<F> => {
  const [values, setValues] = createSignal<F>(initial)
  const current = (key: keyof F & string) => (values()[key] as string | undefined) ?? ""
  return {
    values,
    fill: (next) => setValues(() => next),
    bind: (key) => ({
      required: true,
      get value() {
        return current(key)
      },
      get error() {
        return submit.required(current(key), requiredMessage()) ?? submit.issue(key)
      },
      onInput: (e) => setValues((v) => ({ ...v, [key]: e.currentTarget.value }))
    }),
    complete: () => {
      submit.attempt()
      const trimmed = Object.fromEntries(Object.entries(values()).map(([k, v]) => [k, v.trim()])) as F
      return Object.values(trimmed).some((v) => !v) ? undefined : trimmed
    }
  }
}
