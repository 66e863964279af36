/**
 * @module The admin pages, in a menu of the top bar: they are visited now and then, and
 * the two halves' navigation stays short enough for everyday work.
 */
import { useNavigate } from "@solidjs/router"
import { type NavEntry, t } from "@wharf/core/web"
import { For } from "solid-js"
import { MenuButton } from "./MenuButton"

export const AdminMenu = (props: { entries: ReadonlyArray<NavEntry>; active: string | undefined }) => {
  const navigate = useNavigate()
  const current = () => props.entries.some((e) => e.path === props.active)
  return (
    <MenuButton
      label={t("shell.section.admin")}
      face={
        <>
          {t("shell.section.admin")}
          <span class="topnav-caret" aria-hidden="true">
            ▾
          </span>
        </>
      }
      class="topnav-menu"
      buttonClass={current() ? "section-link topnav-menu-button active" : "section-link topnav-menu-button"}
    >
      {(close) => (
        <For each={props.entries}>
          {(entry) => (
            <a
              href={entry.path}
              role="menuitem"
              class="menu-item"
              aria-current={entry.path === props.active ? "page" : undefined}
              onClick={(e) => {
                if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return
                e.preventDefault()
                close(false)
                navigate(entry.path)
              }}
            >
              {t(entry.label)}
            </a>
          )}
        </For>
      )}
    </MenuButton>
  )
}
