/**
 * @module A group's name and description, in a dialog: creating a group (Groups page) and
 * editing one (Group page) share it.
 */
import {
  Button,
  Dialog,
  describeError,
  FormError,
  fieldIssues,
  Textarea,
  TextInput,
  t,
  toast
} from "@wharf/core/web"
import { createEffect, createSignal, createUniqueId, on } from "solid-js"
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
  const formId = createUniqueId()
  const [name, setName] = createSignal("")
  const [description, setDescription] = createSignal("")
  const [problems, setProblems] = createSignal<Problems<string>>({})
  const [server, setServer] = createSignal<Record<string, string>>({})
  const [failure, setFailure] = createSignal<string>()
  const [busy, setBusy] = createSignal(false)

  createEffect(
    on(
      () => props.open,
      (open) => {
        if (!open) return
        setName(props.group?.name ?? "")
        setDescription(props.group?.description ?? "")
        setProblems({})
        setServer({})
        setFailure(undefined)
      }
    )
  )

  const submit = async (e: SubmitEvent) => {
    e.preventDefault()
    const values = { name: name().trim(), description: description().trim() }
    const found = checkGroup(values)
    setProblems(found)
    if (hasProblems(found)) return
    setBusy(true)
    setFailure(undefined)
    setServer({})
    try {
      const existing = props.group
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
    } catch (err) {
      setServer(fieldIssues(err))
      setFailure(describeError(err))
    } finally {
      setBusy(false)
    }
  }

  const error = (field: string) => {
    const key = problems()[field]
    return key ? t(key) : server()[field]
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
    <Dialog
      open={props.open}
      title={t(props.group ? "identity.groups.editTitle" : "identity.groups.createTitle")}
      onClose={props.onClose}
      footer={
        <>
          <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
          <Button type="submit" form={formId} variant="primary" loading={busy()}>
            {t(props.group ? "common.save" : "identity.groups.createSubmit")}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} noValidate>
        <FormError message={failure()} />
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
      </form>
    </Dialog>
  )
}
