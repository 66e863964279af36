/**
 * @module The user menu: who is signed in, the language, the viewer's own pages (the
 * plugins' `account` entries, such as the profile), signing out.
 */
import { useNavigate } from "@solidjs/router"
import { chooseLocale, entriesFor, loadedPlugins, locale, signOut, t, toast, viewer } from "@wharf/core/web"
import { For } from "solid-js"
import { MenuButton } from "./MenuButton"

export const UserMenu = () => {
  const navigate = useNavigate()

  const initials = () =>
    (viewer()?.name ?? "?")
      .split(/\s+/)
      .map((w) => [...w][0])
      .join("")
      .slice(0, 2)
      .toUpperCase()

  const face = (
    <>
      <span class="avatar" aria-hidden="true">
        {initials()}
      </span>
      <span class="user-name">{viewer()?.name}</span>
    </>
  )

  return (
    <MenuButton label={t("shell.userMenu")} face={face} class="user-menu" buttonClass="user-button">
      {(close) => {
        const switchTo = async (next: "zh-CN" | "en") => {
          close()
          try {
            await chooseLocale(next)
          } catch {
            toast(t("common.unexpected"), "error")
          }
        }
        return (
          <>
            <div class="menu-header">
              <div class="menu-name">{viewer()?.name}</div>
              <div class="menu-email">{viewer()?.email}</div>
            </div>
            <div class="menu-label">{t("shell.language")}</div>
            <button
              type="button"
              role="menuitemradio"
              aria-checked={locale() === "zh-CN"}
              class="menu-item"
              onClick={() => switchTo("zh-CN")}
            >
              中文
            </button>
            <button
              type="button"
              role="menuitemradio"
              aria-checked={locale() === "en"}
              class="menu-item"
              onClick={() => switchTo("en")}
            >
              English
            </button>
            <div class="menu-separator" />
            <For each={entriesFor(loadedPlugins(), viewer(), "account")}>
              {(entry) => (
                <button
                  type="button"
                  role="menuitem"
                  class="menu-item"
                  onClick={() => {
                    close(false)
                    navigate(entry.path)
                  }}
                >
                  {t(entry.label)}
                </button>
              )}
            </For>
            <button
              type="button"
              role="menuitem"
              class="menu-item"
              onClick={async () => {
                close(false)
                await signOut()
                navigate("/sign-in", { replace: true })
              }}
            >
              {t("shell.signOut")}
            </button>
          </>
        )
      }}
    </MenuButton>
  )
}

/** Signed out: a switch to the other language (the choice stays in this browser). */
export const VisitorMenu = () => {
  const other = () => (locale() === "en" ? "zh-CN" : "en")
  return (
    <button
      type="button"
      class="user-button visitor-language"
      lang={other()}
      aria-label={`${t("shell.language")}: ${other() === "en" ? "English" : "中文"}`}
      onClick={() => chooseLocale(other())}
    >
      {other() === "en" ? "English" : "中文"}
    </button>
  )
}
