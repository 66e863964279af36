/**
 * @module Sign-in: email and password; the server's message on failure; back to where
 * the user was going on success.
 */
import { Navigate, useSearchParams } from "@solidjs/router"
import {
  Button,
  chooseLocale,
  errorMessage,
  locale,
  Slot,
  sessionEnded,
  signIn,
  signInVisitorLinks,
  slotContributions,
  TextInput,
  t,
  usePageTitle,
  viewer
} from "@wharf/core/web"
import { createSignal, Show } from "solid-js"
import { safeNext } from "../shell/next"

export default function SignIn() {
  const [params] = useSearchParams()
  const [email, setEmail] = createSignal("")
  const [password, setPassword] = createSignal("")
  const [error, setError] = createSignal<string>()
  const [busy, setBusy] = createSignal(false)
  usePageTitle(() => t("signIn.submit"))

  const submit = async (e: SubmitEvent) => {
    e.preventDefault()
    if (!email().trim() || !password()) return setError(t("signIn.required"))
    setBusy(true)
    setError(undefined)
    try {
      // Signed in, the page turns into a redirect to `next` (below).
      await signIn(email().trim(), password())
    } catch (err) {
      const m = errorMessage(err)
      setError(m === "network" ? t("common.networkError") : m)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Show when={!viewer()} fallback={<Navigate href={safeNext(params.next)} />}>
      <div class="sign-in">
        <div class="sign-in-card card">
          <div class="card-body">
            <div class="sign-in-brand">
              <span class="brand-mark" aria-hidden="true" />
              Wharf
            </div>
            <h1 class="sign-in-title">{t("signIn.title")}</h1>
            <p class="muted sign-in-subtitle">{t("signIn.subtitle")}</p>
            <Show when={sessionEnded() && !error()}>
              <div class="notice notice-info" role="status">
                {t("signIn.sessionEnded")}
              </div>
            </Show>
            <form onSubmit={submit} noValidate>
              <TextInput
                label={t("signIn.email")}
                type="email"
                name="email"
                autocomplete="username"
                value={email()}
                onInput={(e) => setEmail(e.currentTarget.value)}
                required
                autofocus
              />
              <TextInput
                label={t("signIn.password")}
                type="password"
                name="password"
                autocomplete="current-password"
                value={password()}
                onInput={(e) => setPassword(e.currentTarget.value)}
                required
              />
              <Show when={error()}>
                <div class="notice notice-error" role="alert">
                  {error()}
                </div>
              </Show>
              <Button type="submit" variant="primary" loading={busy()} class="sign-in-submit">
                {t("signIn.submit")}
              </Button>
            </form>
          </div>
        </div>
        {/* No account is needed to get help (seed 001): what plugins offer visitors. */}
        <Show when={slotContributions(signInVisitorLinks).length > 0}>
          <div class="sign-in-visitor">
            <Slot slot={signInVisitorLinks} />
          </div>
        </Show>
        <div class="sign-in-language">
          <button
            type="button"
            class="link-button"
            aria-pressed={locale() === "zh-CN"}
            onClick={() => chooseLocale("zh-CN")}
          >
            中文
          </button>
          <span aria-hidden="true">·</span>
          <button
            type="button"
            class="link-button"
            aria-pressed={locale() === "en"}
            onClick={() => chooseLocale("en")}
          >
            English
          </button>
        </div>
      </div>
    </Show>
  )
}
