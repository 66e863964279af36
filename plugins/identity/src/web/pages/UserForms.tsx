/**
 * @module The dialogs of the users page: a new user, and changing a user's name, roles
 * and status. Each stays mounted and starts fresh when it opens; Enter submits.
 */
import {
  Checkbox,
  ChoiceGroup,
  createSubmit,
  FormDialog,
  FormError,
  type FormSubmit,
  type Locale,
  locale,
  Select,
  TextInput,
  t,
  toast,
  viewer
} from "@wharf/core/web"
import { createEffect, createSignal, on, Show } from "solid-js"
import type { UserSummary } from "../../shared/types"
import { api } from "../api"
import { NewPasswordInput } from "../parts"
import {
  checkNewUser,
  checkUserEdit,
  hasProblems,
  MIN_PASSWORD,
  type Problems,
  ROLES,
  type Role,
  sameRoles,
  toggleRole
} from "../rules"

/** The roles checkboxes of both dialogs; a locked role cannot be changed here. */
const RolesField = (props: {
  roles: Role[]
  onChange: (roles: Role[]) => void
  error: string | undefined
  locked?: ReadonlyArray<Role>
}) => (
  <ChoiceGroup
    legend={t("identity.field.roles")}
    type="checkbox"
    options={ROLES.map((r) => ({
      value: r,
      label: t(`identity.role.${r}`),
      disabled: (props.locked ?? []).includes(r)
    }))}
    selected={props.roles}
    onChange={(role, on) => props.onChange(toggleRole(props.roles, role, on))}
    hint={t("identity.users.rolesHint")}
    error={props.error}
    required
  />
)

const localeChoices = () => [
  { value: "zh-CN", label: t("identity.locale.zh-CN") },
  { value: "en", label: t("identity.locale.en") }
]

/** What to show under a field: our own check first (localized), else the server's word. */
const fieldError = (problems: Problems<string>, submit: FormSubmit, field: string) => {
  const key = problems[field]
  return key ? t(key, { min: MIN_PASSWORD }) : submit.issue(field)
}

export const CreateUserDialog = (props: { open: boolean; onClose: () => void; onCreated: () => void }) => {
  const [email, setEmail] = createSignal("")
  const [name, setName] = createSignal("")
  const [password, setPassword] = createSignal("")
  const [roles, setRoles] = createSignal<Role[]>(["user"])
  const [language, setLanguage] = createSignal<Locale>("zh-CN")
  const [problems, setProblems] = createSignal<Problems<string>>({})
  // Problems show from the first submit on, then live as fields change.
  const submit = createSubmit()

  createEffect(
    on(
      () => props.open,
      (open) => {
        if (!open) return
        setEmail("")
        setName("")
        setPassword("")
        setRoles(["user"])
        setLanguage(locale())
        setProblems({})
        submit.reset()
      }
    )
  )
  const values = () => ({ email: email(), name: name(), password: password(), roles: roles() })
  createEffect(() => {
    if (submit.tried()) setProblems(checkNewUser(values()))
  })

  const save = () => {
    submit.attempt()
    const found = checkNewUser(values())
    setProblems(found)
    if (hasProblems(found)) return
    return submit.run(async () => {
      const user = await api.users.create.mutate({
        email: email().trim(),
        name: name().trim(),
        password: password(),
        roles: roles(),
        locale: language()
      })
      toast(t("identity.users.created", { email: user.email }))
      props.onCreated()
      props.onClose()
    })
  }

  const error = (field: string) => fieldError(problems(), submit, field)

  return (
    <FormDialog
      open={props.open}
      title={t("identity.users.createTitle")}
      submitLabel={t("identity.users.createSubmit")}
      submit={submit}
      onSubmit={save}
      onClose={props.onClose}
      submitOnEnter
    >
      <FormError message={submit.failure()} />
      <TextInput
        label={t("identity.field.email")}
        type="email"
        autocomplete="off"
        value={email()}
        onInput={(e) => setEmail(e.currentTarget.value)}
        error={error("email")}
        required
        autofocus
      />
      <TextInput
        label={t("identity.field.name")}
        value={name()}
        onInput={(e) => setName(e.currentTarget.value)}
        error={error("name")}
        required
      />
      <NewPasswordInput
        label={t("identity.field.initialPassword")}
        value={password()}
        onInput={setPassword}
        error={error("password")}
      />
      <RolesField roles={roles()} onChange={setRoles} error={error("roles")} />
      <Select
        label={t("identity.field.language")}
        options={localeChoices()}
        value={language()}
        onChange={(e) => setLanguage(e.currentTarget.value as Locale)}
      />
    </FormDialog>
  )
}

export const EditUserDialog = (props: {
  user: UserSummary | undefined
  onClose: () => void
  onSaved: () => void
}) => {
  const [name, setName] = createSignal("")
  const [roles, setRoles] = createSignal<Role[]>([])
  const [disabled, setDisabled] = createSignal(false)
  const [problems, setProblems] = createSignal<Problems<string>>({})
  const submit = createSubmit()

  createEffect(
    on(
      () => props.user,
      (user) => {
        if (!user) return
        setName(user.name)
        setRoles(ROLES.filter((r) => user.roles.includes(r)))
        setDisabled(user.disabled)
        setProblems({})
        submit.reset()
      }
    )
  )

  // The server refuses both anyway; saying so up front beats an error after saving.
  const isSelf = () => props.user !== undefined && props.user.id === viewer()?.id

  const save = () => {
    const user = props.user
    if (!user) return
    const found = checkUserEdit({ name: name(), roles: roles() })
    setProblems(found)
    if (hasProblems(found)) return
    // Send only what changed, so a save does not overwrite a change made meanwhile elsewhere.
    const changes = {
      ...(name().trim() !== user.name ? { name: name().trim() } : {}),
      ...(!sameRoles(roles(), user.roles) ? { roles: roles() } : {}),
      ...(disabled() !== user.disabled ? { disabled: disabled() } : {})
    }
    if (Object.keys(changes).length === 0) return props.onClose()
    return submit.run(async () => {
      await api.users.update.mutate({ id: user.id, ...changes })
      toast(t("identity.users.saved", { name: name().trim() }))
      props.onSaved()
      props.onClose()
    })
  }

  const error = (field: string) => fieldError(problems(), submit, field)

  return (
    <FormDialog
      open={props.user !== undefined}
      title={t("identity.users.editTitle")}
      submitLabel={t("common.save")}
      submit={submit}
      onSubmit={save}
      onClose={props.onClose}
      submitOnEnter
    >
      <p class="muted idn-dialog-lead">{t("identity.users.editing", { email: props.user?.email ?? "" })}</p>
      <FormError message={submit.failure()} />
      <TextInput
        label={t("identity.field.name")}
        value={name()}
        onInput={(e) => setName(e.currentTarget.value)}
        error={error("name")}
        required
      />
      <RolesField
        roles={roles()}
        onChange={setRoles}
        error={error("roles")}
        locked={isSelf() ? ["admin"] : []}
      />
      <Checkbox
        label={t("identity.users.disable")}
        checked={disabled()}
        onChange={setDisabled}
        disabled={isSelf()}
        hint={t("identity.users.disableHint")}
      />
      <Show when={isSelf()}>
        <div class="notice notice-info">{t("identity.users.selfNote")}</div>
      </Show>
      <Show when={disabled() && props.user && !props.user.disabled}>
        <div class="notice idn-notice-warning" role="status">
          {t("identity.users.disableWarning")}
        </div>
      </Show>
    </FormDialog>
  )
}
