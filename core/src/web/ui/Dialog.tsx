/**
 * @module Modal dialogs on the native <dialog>: focus moves in and is trapped by the
 * browser, Esc closes, focus returns to what opened it.
 */
import { createEffect, createUniqueId, type JSX, onCleanup, Show } from "solid-js"
import { t } from "../i18n"
import { Button } from "./Button"

export const Dialog = (props: {
  open: boolean
  title: string
  onClose: () => void
  children: JSX.Element
  footer?: JSX.Element
}) => {
  const titleId = createUniqueId()
  let ref: HTMLDialogElement | undefined
  let opener: Element | null = null
  createEffect(() => {
    if (!ref) return
    if (props.open && !ref.open) {
      opener = document.activeElement
      ref.showModal()
    } else if (!props.open && ref.open) {
      ref.close()
      ;(opener as HTMLElement | null)?.focus?.()
    }
  })
  onCleanup(() => ref?.open && ref.close())
  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault()
        props.onClose()
      }}
    >
      <Show when={props.open}>
        <header class="dialog-header">
          <h2 id={titleId} class="dialog-title">
            {props.title}
          </h2>
          <button
            type="button"
            class="icon-button"
            aria-label={t("common.close")}
            onClick={() => props.onClose()}
          >
            ×
          </button>
        </header>
        <div class="dialog-body">{props.children}</div>
        <Show when={props.footer}>
          <footer class="dialog-footer">{props.footer}</footer>
        </Show>
      </Show>
    </dialog>
  )
}

/** Ask before something that cannot be undone. */
export const ConfirmDialog = (props: {
  open: boolean
  title: string
  message: string
  confirmLabel: string
  busy?: boolean
  onConfirm: () => void
  onClose: () => void
}) => (
  <Dialog
    open={props.open}
    title={props.title}
    onClose={props.onClose}
    footer={
      <>
        <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
        <Button variant="danger" loading={props.busy ?? false} onClick={() => props.onConfirm()}>
          {props.confirmLabel}
        </Button>
      </>
    }
  >
    <p>{props.message}</p>
  </Dialog>
)
