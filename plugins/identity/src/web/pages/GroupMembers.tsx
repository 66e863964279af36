/**
 * @module A group's members: add one found by name or email, change a member's role (saved
 * on change), remove one. Members use the group's namespace. Platform admins see it on the
 * group's admin page, a group's own admins on their page of the group (`MyGroup`).
 */
import {
  Button,
  Card,
  type Column,
  ConfirmDialog,
  createAction,
  describeError,
  ErrorNotice,
  FormError,
  fieldIssues,
  formatNumber,
  Select,
  settled,
  Table,
  TextInput,
  t,
  toast,
  viewerHas
} from "@wharf/core/web"
import { createMemo, createResource, createSignal, For, onCleanup, Show } from "solid-js"
import type { GroupCandidate, GroupMember, GroupSummary } from "../../shared/types"
import { api } from "../api"
import { checkMemberEmail, GROUP_ROLES, type GroupRole, namespaceOf } from "../rules"

const groupRoleChoices = () => GROUP_ROLES.map((r) => ({ value: r, label: t(`identity.groupRole.${r}`) }))

export const GroupMembers = (props: { group: Pick<GroupSummary, "id" | "name">; onChanged: () => void }) => {
  const [members, { refetch, mutate }] = createResource(
    () => props.group.id,
    (groupId) => api.groups.members.query({ groupId })
  )
  const rows = () => settled(members)
  const [removing, setRemoving] = createSignal<GroupMember>()
  const removal = createAction()
  // The member whose role is being saved: their select is disabled meanwhile.
  const [savingRole, setSavingRole] = createSignal<string>()

  const changed = () => {
    void refetch()
    props.onChanged()
  }

  const setRole = async (member: GroupMember, role: GroupRole) => {
    if (role === member.role) return
    setSavingRole(member.userId)
    // Show the new role at once; put the old one back if the server refuses.
    mutate((list) => list?.map((m) => (m.userId === member.userId ? { ...m, role } : m)))
    try {
      await api.groups.setMemberRole.mutate({ groupId: props.group.id, userId: member.userId, role })
      toast(t("identity.members.roleSaved", { name: member.name, role: t(`identity.groupRole.${role}`) }))
    } catch (err) {
      toast(describeError(err), "error")
      void refetch()
    } finally {
      setSavingRole(undefined)
    }
  }

  const remove = async () => {
    const member = removing()
    if (!member) return
    const removed = () => api.groups.removeMember.mutate({ groupId: props.group.id, userId: member.userId })
    if (await removal.run(removed, () => t("identity.members.removed", { name: member.name }))) {
      setRemoving(undefined)
      changed()
    }
  }

  const columns = createMemo(
    (): ReadonlyArray<Column<GroupMember>> => [
      { header: t("identity.field.name"), cell: (m) => <span class="idn-name">{m.name}</span> },
      { header: t("identity.field.email"), cell: (m) => m.email },
      {
        header: t("identity.members.role"),
        cell: (m) => (
          <select
            class="input idn-cell-select"
            aria-label={t("identity.members.roleOf", { name: m.name })}
            value={m.role}
            disabled={savingRole() === m.userId}
            onChange={(e) => setRole(m, e.currentTarget.value as GroupRole)}
          >
            <option value="member">{t("identity.groupRole.member")}</option>
            <option value="admin">{t("identity.groupRole.admin")}</option>
          </select>
        )
      },
      {
        header: t("identity.field.actions"),
        align: "right",
        cell: (m) => (
          <Button size="sm" variant="ghost" onClick={() => setRemoving(m)}>
            {t("identity.members.remove")}
          </Button>
        )
      }
    ]
  )

  return (
    <Card
      title={
        rows()
          ? t("identity.members.titleCount", { count: formatNumber(rows()!.length) })
          : t("identity.members.title")
      }
    >
      <AddMemberForm groupId={props.group.id} onAdded={changed} />
      <div class="idn-section">
        <Show
          when={!(members.error && !members.loading)}
          fallback={<ErrorNotice error={members.error} onRetry={() => void refetch()} />}
        >
          <Table
            caption={t("identity.members.title")}
            columns={columns()}
            rows={rows()}
            loading={members.loading}
            empty={{
              title: t("identity.members.empty"),
              hint: t("identity.members.emptyHint", { namespace: namespaceOf(props.group.name) })
            }}
          />
        </Show>
      </div>
      <ConfirmDialog
        open={removing() !== undefined}
        title={t("identity.members.removeTitle")}
        message={t("identity.members.removeMessage", {
          name: removing()?.name ?? "",
          email: removing()?.email ?? "",
          namespace: namespaceOf(props.group.name)
        })}
        confirmLabel={t("identity.members.removeConfirm")}
        busy={removal.busy()}
        onConfirm={remove}
        onClose={() => setRemoving(undefined)}
      />
    </Card>
  )
}

/** Wait this long after the last keystroke before looking people up. */
const LOOKUP_DELAY_MS = 250

const AddMemberForm = (props: { groupId: string; onAdded: () => void }) => {
  // Platform admins find people by any part of a name; a group's admin by a whole email.
  const browse = () => viewerHas("admin")
  const [who, setWho] = createSignal("")
  const [role, setRole] = createSignal<GroupRole>("member")
  const [whoError, setWhoError] = createSignal<string>()
  const [failure, setFailure] = createSignal<string>()
  const [busy, setBusy] = createSignal(false)
  // What is looked up: the field as typed, once it stops changing, unless it is a chosen email.
  const [search, setSearch] = createSignal<string>()
  const [matches] = createResource(search, (text) =>
    api.groups.lookup.query({ groupId: props.groupId, search: text })
  )
  let timer: ReturnType<typeof setTimeout> | undefined
  onCleanup(() => clearTimeout(timer))

  const type = (value: string) => {
    setWho(value)
    setWhoError(undefined)
    clearTimeout(timer)
    const text = value.trim()
    timer = setTimeout(() => setSearch(text.length >= 2 ? text : undefined), LOOKUP_DELAY_MS)
  }
  const choose = (person: GroupCandidate) => {
    clearTimeout(timer)
    setWho(person.email)
    setSearch(undefined)
  }

  /** The email to add: as typed, or the one person the name matches. */
  const emailOf = async (text: string): Promise<string | undefined> => {
    if (!checkMemberEmail(text).email) return text
    if (text.length < 2) {
      setWhoError(t("identity.members.whoShort"))
      return undefined
    }
    const found = await api.groups.lookup.query({ groupId: props.groupId, search: text })
    if (found.length === 1) return found[0]!.email
    if (found.length > 1) setSearch(text)
    setWhoError(
      found.length === 0
        ? t(browse() ? "identity.members.noMatch" : "identity.members.noEmailMatch", { search: text })
        : t("identity.members.pickOne")
    )
    return undefined
  }

  const submit = async (e: SubmitEvent) => {
    e.preventDefault()
    setBusy(true)
    setFailure(undefined)
    try {
      const email = await emailOf(who().trim())
      if (email === undefined) return
      await api.groups.addMember.mutate({ groupId: props.groupId, email, role: role() })
      toast(t("identity.members.added", { email }))
      setWho("")
      setSearch(undefined)
      props.onAdded()
    } catch (err) {
      const issues = fieldIssues(err)
      if (issues.email || issues.search) setWhoError(issues.email ?? issues.search)
      else setFailure(describeError(err))
    } finally {
      setBusy(false)
    }
  }

  const offered = () => (search() ? (matches.error ? undefined : matches()) : undefined)

  return (
    <form onSubmit={submit} noValidate aria-label={t("identity.members.add")}>
      <FormError message={failure()} />
      <div class="idn-inline-form">
        <TextInput
          label={browse() ? t("identity.members.who") : t("identity.members.email")}
          autocomplete="off"
          placeholder={
            browse() ? t("identity.members.whoPlaceholder") : t("identity.members.emailPlaceholder")
          }
          value={who()}
          onInput={(e) => type(e.currentTarget.value)}
          error={whoError()}
          required
        />
        <div class="idn-narrow">
          <Select
            label={t("identity.members.role")}
            options={groupRoleChoices()}
            value={role()}
            onChange={(e) => setRole(e.currentTarget.value as GroupRole)}
          />
        </div>
        <Button type="submit" variant="primary" loading={busy()}>
          {t("identity.members.add")}
        </Button>
      </div>
      <Show when={matches.error && search()}>
        <ErrorNotice error={matches.error} />
      </Show>
      <Show when={offered()}>
        {(found) => (
          <Show
            when={found().length > 0}
            fallback={
              // After a submit the field's own error says it.
              <Show when={!whoError()}>
                <p class="muted">
                  {t(browse() ? "identity.members.noMatch" : "identity.members.noEmailMatch", {
                    search: search() ?? ""
                  })}
                </p>
              </Show>
            }
          >
            <ul class="idn-matches" aria-label={t("identity.members.matches")}>
              <For each={found()}>
                {(person) => (
                  <li>
                    <button type="button" class="link-button" onClick={() => choose(person)}>
                      {person.name} <span class="muted">{person.email}</span>
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </form>
  )
}
