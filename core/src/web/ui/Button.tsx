import { type JSX, Show, splitProps } from "solid-js"
import { Spinner } from "./Feedback"

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost"

export interface ButtonProps extends JSX.ButtonHTMLAttributes<HTMLButtonElement> {
  readonly variant?: ButtonVariant
  readonly size?: "sm" | "md"
  /** Shows a spinner and blocks clicks while an action runs. */
  readonly loading?: boolean
}

export const Button = (props: ButtonProps) => {
  const [own, rest] = splitProps(props, [
    "variant",
    "size",
    "loading",
    "children",
    "class",
    "disabled",
    "type"
  ])
  return (
    <button
      type={own.type ?? "button"}
      class={`btn btn-${own.variant ?? "secondary"} ${own.size === "sm" ? "btn-sm" : ""} ${own.class ?? ""}`}
      disabled={own.disabled || own.loading}
      aria-busy={own.loading ? "true" : undefined}
      {...rest}
    >
      <Show when={own.loading}>
        <Spinner size={14} />
      </Show>
      {own.children}
    </button>
  )
}
