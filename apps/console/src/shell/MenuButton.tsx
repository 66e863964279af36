/**
 * @module A button that opens a menu (the ARIA menu-button pattern): arrows, Home and
 * End move between items, Esc closes and returns focus, Tab or a click outside closes.
 * The user menu and the admin section of the navigation both use it.
 */
import { createSignal, type JSX, onCleanup, onMount, Show } from "solid-js"

type MenuButtonProps = {
  /** The accessible name of the button and its menu. */
  readonly label: string
  /** What the button shows; the label when absent. */
  readonly face?: JSX.Element
  readonly class: string
  readonly buttonClass: string
  /** The menu's items; `close(refocus)` lets an item close the menu before it acts. */
  readonly children: (close: (refocus?: boolean) => void) => JSX.Element
}

const ITEMS = "[role=menuitem],[role=menuitemradio]"

export const MenuButton = (props: MenuButtonProps) => {
  const [open, setOpen] = createSignal(false)
  let button: HTMLButtonElement | undefined
  let menu: HTMLDivElement | undefined

  const items = () => [...(menu?.querySelectorAll<HTMLElement>(ITEMS) ?? [])]
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
  const moves: Record<string, (index: number) => number> = {
    ArrowDown: (i) => i + 1,
    ArrowUp: (i) => i - 1,
    Home: () => 0,
    End: () => -1
  }
  const onKeyDown = (e: KeyboardEvent) => {
    const move = moves[e.key]
    if (move) {
      e.preventDefault()
      focusItem(move(items().indexOf(document.activeElement as HTMLElement)))
    } else if (e.key === "Escape") close()
    else if (e.key === "Tab") close(false)
  }
  const onDocumentClick = (e: MouseEvent) => {
    if (open() && !menu?.contains(e.target as Node) && !button?.contains(e.target as Node)) close(false)
  }
  onMount(() => document.addEventListener("click", onDocumentClick))
  onCleanup(() => document.removeEventListener("click", onDocumentClick))

  return (
    <div class={props.class}>
      <button
        ref={button}
        type="button"
        class={props.buttonClass}
        aria-label={props.face ? props.label : undefined}
        aria-haspopup="menu"
        aria-expanded={open()}
        onClick={toggle}
      >
        {props.face ?? props.label}
      </button>
      <Show when={open()}>
        <div ref={menu} class="menu" role="menu" aria-label={props.label} onKeyDown={onKeyDown}>
          {props.children(close)}
        </div>
      </Show>
    </div>
  )
}
