/**
 * @module The user menu: who is signed in, the language, the profile, signing out.
 * A menu button (ARIA menu pattern): arrows move, Esc closes and returns focus.
 */
import { useNavigate } from "@solidjs/router"
import { chooseLocale, isPluginEnabled, locale, signOut, t, toast, viewer } from "@wharf/core/web"
import { createSignal, onCleanup, onMount, Show } from "solid-js"

export const UserMenu = () => {
  const navigate = useNavigate()
  const [open, setOpen] = createSignal(false)
  let button: HTMLButtonElement | undefined
  let menu: HTMLDivElement | undefined

  const items = () => [...(menu?.querySelectorAll<HTMLElement>("[role=menuitem],[role=menuitemradio]") ?? [])]
  const focusItem = (index: number) => {
    const all = items()
    all[(index + all.length) % all.length]?.focus()
  }
  const close = (refocus = true) => {
    setOpen(false)
    if (refocus) button?.focus()
  }
  const toggle = () => {
    setOpen(!open())
    if (open()) queueMicrotask(() => focusItem(0))
  }
  const onKeyDown = (e: KeyboardEvent) => {
    const index = items().indexOf(document.activeElement as HTMLElement)
    if (e.key === "Escape") close()
    else if (e.key === "ArrowDown") {
      e.preventDefault()
      focusItem(index + 1)
    } else if (e.key === "ArrowUp") {
      e.preventDefault()
      focusItem(index - 1)
    } else if (e.key === "Home") {
      e.preventDefault()
      focusItem(0)
    } else if (e.key === "End") {
      e.preventDefault()
      focusItem(-1)
    } else if (e.key === "Tab") close(false)
  }
  const onDocumentClick = (e: MouseEvent) => {
    if (open() && !menu?.contains(e.target as Node) && !button?.contains(e.target as Node)) close(false)
  }
  onMount(() => document.addEventListener("click", onDocumentClick))
  onCleanup(() => document.removeEventListener("click", onDocumentClick))

  const initials = () =>
    (viewer()?.name ?? "?")
      .split(/\s+/)
      .map((w) => [...w][0])
      .join("")
      .slice(0, 2)
      .toUpperCase()

  const switchTo = async (next: "zh-CN" | "en") => {
    close()
    try {
      await chooseLocale(next)
    } catch {
      toast(t("common.unexpected"), "error")
    }
  }

  return (
    <div class="user-menu">
      <button
        ref={button}
        type="button"
        class="user-button"
        aria-label={t("shell.userMenu")}
        aria-haspopup="menu"
        aria-expanded={open()}
        onClick={toggle}
      >
        <span class="avatar" aria-hidden="true">
          {initials()}
        </span>
        <span class="user-name">{viewer()?.name}</span>
      </button>
      <Show when={open()}>
        <div ref={menu} class="menu" role="menu" aria-label={t("shell.userMenu")} onKeyDown={onKeyDown}>
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
          <Show when={isPluginEnabled("identity")}>
            <button
              type="button"
              role="menuitem"
              class="menu-item"
              onClick={() => {
                close(false)
                navigate("/profile")
              }}
            >
              {t("shell.profile")}
            </button>
          </Show>
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
        </div>
      </Show>
    </div>
  )
}
