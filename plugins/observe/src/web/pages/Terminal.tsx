/**
 * @module 终端: a shell in a pod's container (xterm.js over Wharf's WebSocket). The shell is a
 * choice; copy and paste work with buttons and Ctrl+Shift+C / Ctrl+Shift+V; when Wharf ends
 * the session the page says why, and Reconnect (or Enter) opens a new one.
 */
import { Button, Select, t, toast } from "@wharf/core/web"
import { FitAddon } from "@xterm/addon-fit"
import { Terminal as Xterm } from "@xterm/xterm"
import "@xterm/xterm/css/xterm.css"
import { describeError } from "@wharf/core/web"
import { createSignal, onCleanup, onMount, Show } from "solid-js"
import { type ContainerInfo, type PodContainer, SHELLS } from "../../shared"
import { PodFrame, usePodPage } from "../PodFrame"
import { openTerminalSession, type TerminalState } from "../terminalSession"

const statusText = (s: TerminalState, container: string) =>
  s.kind === "connecting"
    ? t("observe.status.connecting", { container })
    : s.kind === "connected"
      ? t("observe.status.connected", { container, shell: s.shell, minutes: Math.round(s.idleSeconds / 60) })
      : s.kind === "reconnecting"
        ? t("observe.status.reconnecting", { seconds: s.seconds, attempt: s.attempt })
        : `${s.message} ${t("observe.closed.again")}`

const TerminalView = (props: { target: PodContainer; container: ContainerInfo; shell: string }) => {
  let host!: HTMLDivElement
  const [state, setState] = createSignal<TerminalState>({ kind: "connecting" })
  let session: ReturnType<typeof openTerminalSession> | undefined
  let term: Xterm | undefined

  const copy = async () => {
    const text = term?.getSelection() ?? ""
    if (!text) return toast(t("observe.nothingSelected"), "error")
    await navigator.clipboard.writeText(text)
    toast(t("observe.copied"))
  }
  const paste = async () => {
    try {
      term?.paste(await navigator.clipboard.readText())
    } catch {
      toast(t("observe.clipboardDenied"), "error")
    }
    term?.focus()
  }

  onMount(() => {
    const xterm = new Xterm({
      cursorBlink: true,
      fontFamily: getComputedStyle(document.documentElement).getPropertyValue("--font-mono") || "monospace",
      fontSize: 13,
      scrollback: 5000,
      theme: { background: "#141b26", foreground: "#e6e9ee" }
    })
    term = xterm
    const fit = new FitAddon()
    xterm.loadAddon(fit)
    xterm.open(host)
    fit.fit()
    xterm.attachCustomKeyEventHandler((e) => {
      if (e.type !== "keydown") return true
      if (e.ctrlKey && e.shiftKey && e.code === "KeyC") {
        void copy()
        return false
      }
      if (e.ctrlKey && e.shiftKey && e.code === "KeyV") {
        void paste()
        return false
      }
      if (e.key === "Enter" && state().kind === "closed") {
        session?.reconnect()
        return false
      }
      return true
    })
    const resized = new ResizeObserver(() => fit.fit())
    resized.observe(host)
    session = openTerminalSession({
      term: xterm,
      target: props.target,
      shell: props.shell,
      onState: setState,
      describe: describeError
    })
    onCleanup(() => {
      resized.disconnect()
      session?.dispose()
      xterm.dispose()
    })
  })

  return (
    <div class="observe-terminal-frame">
      <div class="observe-actions">
        <p class="observe-status" role="status" aria-live="polite" data-state={state().kind}>
          {statusText(state(), props.container.name)}
        </p>
        <Button variant="secondary" onClick={() => void copy()}>
          {t("observe.copy")}
        </Button>
        <Button variant="secondary" onClick={() => void paste()}>
          {t("observe.paste")}
        </Button>
        <Button
          variant={state().kind === "closed" ? "primary" : "secondary"}
          onClick={() => session?.reconnect()}
        >
          {t("observe.reconnect")}
        </Button>
      </div>
      <div class="observe-terminal">
        <div class="observe-terminal-screen" ref={host} />
      </div>
      <p class="field-hint">{t("observe.terminalHint")}</p>
    </div>
  )
}

export default function Terminal() {
  const page = usePodPage()
  const shell = () => (SHELLS as ReadonlyArray<string>).find((s) => s === page.search.shell) ?? SHELLS[0]
  return (
    <PodFrame
      page={page}
      kind="terminal"
      controls={
        <Select
          label={t("observe.shell")}
          value={shell()}
          options={SHELLS.map((s) => ({ value: s, label: s }))}
          onChange={(e) => page.setSearch({ shell: e.currentTarget.value })}
        />
      }
    >
      {(_, target) => (
        <Show
          when={page.container()?.state === "running"}
          fallback={
            <p class="notice notice-error" role="alert">
              {t("observe.notRunning", {
                container: target.container,
                state: t(`observe.containerState.${page.container()?.state ?? "unknown"}`)
              })}
            </p>
          }
        >
          <Show when={shell()} keyed>
            {(s) => <TerminalView target={target} container={page.container()!} shell={s} />}
          </Show>
        </Show>
      )}
    </PodFrame>
  )
}
