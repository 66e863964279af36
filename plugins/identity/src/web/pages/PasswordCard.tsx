/**
 * @module Changing one's own password: the new one twice (a typo is caught here), the
 * current one checked by the server.
 */
import { Button, Card, describeError, FormError, fieldIssues, TextInput, t, toast } from "@wharf/core/web"
import { createSignal } from "solid-js"
import { api } from "../api"
import { NewPasswordInput } from "../parts"
import { checkPasswordChange, hasProblems, MIN_PASSWORD, type Problems } from "../rules"

export const PasswordCard = () => {
  const [current, setCurrent] = createSignal("")
  const [next, setNext] = createSignal("")
  const [confirm, setConfirm] = createSignal("")
  const [problems, setProblems] = createSignal<Problems<string>>({})
  const [server, setServer] = createSignal<Record<string, string>>({})
  const [failure, setFailure] = createSignal<string>()
  const [busy, setBusy] = createSignal(false)
  const [revokeTokens, setRevokeTokens] = createSignal(false)

  const submit = async (e: SubmitEvent) => {
    e.preventDefault()
    const found = checkPasswordChange({ current: current(), next: next(), confirm: confirm() })
    setProblems(found)
    setServer({})
    setFailure(undefined)
    if (hasProblems(found)) return
    setBusy(true)
    try {
      const ended = await api.profile.changePassword.mutate({
        currentPassword: current(),
        newPassword: next(),
        revokeTokens: revokeTokens()
      })
      setCurrent("")
      setNext("")
      setConfirm("")
      // Whoever knew the old password is signed out everywhere else: say so.
      toast(
        t("identity.password.othersEnded", { sessions: ended.endedSessions, tokens: ended.revokedTokens })
      )
    } catch (err) {
      // The server names the field: "currentPassword" (wrong) or "newPassword" (too weak).
      const issues = fieldIssues(err)
      setServer({ current: issues.currentPassword ?? "", next: issues.newPassword ?? "" })
      if (!issues.currentPassword && !issues.newPassword) setFailure(describeError(err))
    } finally {
      setBusy(false)
    }
  }

  const error = (field: "current" | "next" | "confirm") => {
    const key = problems()[field]
    return key ? t(key, { min: MIN_PASSWORD }) : server()[field] || undefined
  }

  return (
    <Card title={t("identity.password.title")}>
      <form onSubmit={submit} noValidate>
        <FormError message={failure()} />
        <TextInput
          label={t("identity.password.current")}
          type="password"
          autocomplete="current-password"
          value={current()}
          onInput={(e) => setCurrent(e.currentTarget.value)}
          error={error("current")}
          required
        />
        <NewPasswordInput
          label={t("identity.password.new")}
          value={next()}
          onInput={setNext}
          error={error("next")}
        />
        <TextInput
          label={t("identity.password.confirm")}
          type="password"
          autocomplete="new-password"
          value={confirm()}
          onInput={(e) => setConfirm(e.currentTarget.value)}
          error={error("confirm")}
          required
        />
        <label>
          <input
            type="checkbox"
            checked={revokeTokens()}
            onChange={(e) => setRevokeTokens(e.currentTarget.checked)}
          />{" "}
          {t("identity.password.revokeTokens")}
        </label>
        <div class="idn-card-footer">
          <Button type="submit" variant="primary" loading={busy()}>
            {t("identity.password.submit")}
          </Button>
        </div>
      </form>
    </Card>
  )
}
