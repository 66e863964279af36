/**
 * @module Short confirmations ("Saved") that do not need an answer.
 */
import { createSignal, For } from "solid-js"

interface ToastItem {
  id: number
  text: string
  tone: "success" | "error"
}
const [toasts, setToasts] = createSignal<ReadonlyArray<ToastItem>>([])
let next = 0

export const toast = (text: string, tone: ToastItem["tone"] = "success") => {
  const id = next++
  setToasts((ts) => [...ts, { id, text, tone }])
  setTimeout(() => setToasts((ts) => ts.filter((x) => x.id !== id)), 4000)
}

export const Toasts = () => (
  <div class="toasts" aria-live="polite">
    <For each={toasts()}>{(item) => <div class={`toast toast-${item.tone}`}>{item.text}</div>}</For>
  </div>
)
