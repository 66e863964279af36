/**
 * @module The admin's dialog around one FAQ entry or service: "new" or "edit" in its title,
 * Save, the server's refusal in words below the fields, and a toast once saved.
 */
import { FormDialog, FormError, type FormSubmit, t, toast } from "@wharf/core/web"
import type { JSX } from "solid-js"

export const EntryDialog = <E, V>(props: {
  /** `null`: a new entry; an entry: edit it; undefined: closed. */
  entry: E | null | undefined
  /** The title's message keys: editing an entry, and making a new one. */
  titles: { edit: string; new: string }
  submit: FormSubmit
  /** The fields' values to send; null while one still needs the admin (the form shows which). */
  values: () => V | null
  create: (values: V) => Promise<unknown>
  update: (entry: E, values: V) => Promise<unknown>
  onClose: () => void
  onSaved: () => void
  children: JSX.Element
}) => {
  const save = () => {
    const values = props.values()
    if (values === null) return
    const entry = props.entry
    return props.submit.run(async () => {
      await (entry ? props.update(entry, values) : props.create(values))
      toast(t("support.admin.saved"))
      props.onSaved()
    })
  }
  return (
    <FormDialog
      open={props.entry !== undefined}
      title={t(props.entry ? props.titles.edit : props.titles.new)}
      submitLabel={t("support.admin.save")}
      submit={props.submit}
      onSubmit={save}
      onClose={props.onClose}
    >
      {props.children}
      <FormError message={props.submit.failure()} />
    </FormDialog>
  )
}
