/**
 * @module A group's name and description, in a dialog: creating a group (Groups page) and
 * editing one (Group page) share it.
 */
import { createSubmit, FormDialog, FormError, Textarea, TextInput, t, toast } from "@wharf/core/web"
import { createEffect, createSignal, on } from "solid-js"
import type { GroupSummary } from "../../shared/types"
import { api } from "../api"
import { checkGroup, hasProblems, namespaceOf, type Problems } from "../rules"

export const GroupDialog = (props: {
  open: boolean
  /** The group to edit; none to create one. */
  group?: GroupSummary | undefined
  onClose: () => void
  onSaved: (group: GroupSummary) => void
}) => {
  const [name, setName] = createSignal("")
  const [description, setDescription] = createSignal("")
  const [problems, setProblems] = createSignal<Problems<string>>({})
  const submit = createSubmit()

  createEffect(
    on(
      () => props.open,
      (open) => {
        if (!open) return
        setName(props.group?.name ?? "")
        setDescription(props.group?.description ?? "")
        setProblems({})
        submit.reset()
      }
    )
  )

  const save = () => {
    const values = { name: name().trim(), description: description().trim() }
    const found = checkGroup(values)
    setProblems(found)
    if (hasProblems(found)) return
    const existing = props.group
    return submit.run(async () => {
      const saved = existing
        ? await api.groups.update.mutate({
            id: existing.id,
            // Only what changed: renaming is a bigger step than editing the description.
            ...(values.name !== existing.name ? { name: values.name } : {}),
            description: values.description
          })
        : await api.groups.create.mutate(values)
      toast(t(existing ? "identity.groups.saved" : "identity.groups.created", { name: saved.name }))
      props.onSaved(saved)
      props.onClose()
    })
  }

  const error = (field: string) => {
    const key = problems()[field]
    return key ? t(key) : submit.issue(field)
  }
  // Show the namespace a valid name gives, so the rule makes sense while typing.
  const nameHint = () => {
    const value = name().trim()
    const valid = value !== "" && checkGroup({ name: value, description: "" }).name === undefined
    return valid
      ? `${t("identity.groups.nameHint")} ${t("identity.groups.namespaceWillBe", { namespace: namespaceOf(value) })}`
      : t("identity.groups.nameHint")
  }

  return (
    <FormDialog
      open={props.open}
      title={t(props.group ? "identity.groups.editTitle" : "identity.groups.createTitle")}
      submitLabel={t(props.group ? "common.save" : "identity.groups.createSubmit")}
      submit={submit}
      onSubmit={save}
      onClose={props.onClose}
      submitOnEnter
    >
      <FormError message={submit.failure()} />
      <TextInput
        label={t("identity.field.groupName")}
        class="input mono"
        value={name()}
        onInput={(e) => setName(e.currentTarget.value)}
        hint={nameHint()}
        error={error("name")}
        autocomplete="off"
        spellcheck={false}
        maxLength={40}
        required
        autofocus
      />
      <Textarea
        label={t("identity.field.description")}
        value={description()}
        onInput={(e) => setDescription(e.currentTarget.value)}
        error={error("description")}
        maxLength={500}
      />
    </FormDialog>
  )
}
