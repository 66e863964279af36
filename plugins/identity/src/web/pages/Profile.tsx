/**
 * @module The signed-in user's own settings: name, language, password and API tokens.
 */
import {
  Button,
  Card,
  ChoiceGroup,
  chooseLocale,
  describeError,
  fieldIssues,
  Loading,
  type Locale,
  locale,
  Page,
  refreshSession,
  TextInput,
  t,
  toast,
  viewer
} from "@wharf/core/web"
import { createEffect, createSignal, on, Show } from "solid-js"
import { api } from "../api"
import { checkName } from "../rules"
import { PasswordCard } from "./PasswordCard"
import { TokensCard } from "./TokensCard"

export default function Profile() {
  return (
    <Page title={t("identity.profile.title")} subtitle={t("identity.profile.subtitle")}>
      <Show when={viewer()} fallback={<Loading />}>
        <div class="idn-narrow-page">
          <NameCard />
          <LanguageCard />
          <PasswordCard />
          <TokensCard />
        </div>
      </Show>
    </Page>
  )
}

const NameCard = () => {
  const [name, setName] = createSignal(viewer()?.name ?? "")
  const [error, setError] = createSignal<string>()
  const [busy, setBusy] = createSignal(false)
  // Follow the session's name (e.g. after another tab saved it), unless the user is typing.
  createEffect(
    on(
      () => viewer()?.name,
      (n) => n !== undefined && !busy() && setName(n),
      { defer: true }
    )
  )

  const save = async (e: SubmitEvent) => {
    e.preventDefault()
    const problem = checkName(name()).name
    setError(problem ? t(problem) : undefined)
    if (problem) return
    setBusy(true)
    try {
      await api.profile.update.mutate({ name: name().trim() })
      // The top bar shows the name from the session: ask for it again.
      await refreshSession()
      toast(t("identity.profile.nameSaved"))
    } catch (err) {
      setError(fieldIssues(err).name ?? describeError(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card title={t("identity.profile.account")}>
      <form onSubmit={save} noValidate>
        <dl class="idn-details idn-account">
          <dt>{t("identity.field.email")}</dt>
          <dd>{viewer()?.email}</dd>
        </dl>
        <div class="idn-inline-form">
          <TextInput
            label={t("identity.field.name")}
            autocomplete="name"
            value={name()}
            onInput={(e) => setName(e.currentTarget.value)}
            error={error()}
            required
          />
          <Button
            type="submit"
            variant="primary"
            loading={busy()}
            disabled={name().trim() === viewer()?.name}
          >
            {t("identity.profile.saveName")}
          </Button>
        </div>
      </form>
    </Card>
  )
}

const LanguageCard = () => {
  const [busy, setBusy] = createSignal(false)
  const choose = async (next: Locale) => {
    if (next === locale()) return
    setBusy(true)
    try {
      // Switches at once, and saves it on the profile for the next sign-in.
      await chooseLocale(next)
      toast(t("identity.profile.languageSaved"))
    } catch (err) {
      toast(describeError(err), "error")
    } finally {
      setBusy(false)
    }
  }
  return (
    <Card title={t("identity.profile.language")}>
      <ChoiceGroup
        legend={t("identity.profile.languageLegend")}
        type="radio"
        options={[
          { value: "zh-CN" as Locale, label: t("identity.locale.zh-CN"), disabled: busy() },
          { value: "en" as Locale, label: t("identity.locale.en"), disabled: busy() }
        ]}
        selected={[locale()]}
        onChange={(value, checked) => checked && choose(value)}
        hint={t("identity.profile.languageHint")}
      />
    </Card>
  )
}
