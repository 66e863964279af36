/**
 * @module The console's file uploader: drop files (or choose them), watch each one's
 * progress with its speed and time left, pause and resume, retry. Uploads go to core's
 * resumable /uploads endpoint; the form gets the ids of finished uploads to attach. An
 * upload a reload interrupted is listed, and choosing the same file again continues it.
 */

import { createEffect, createSignal, For, onCleanup, onMount, Show } from "solid-js"
import type { PreviousUpload } from "tus-js-client"
import { t } from "../i18n"
import { formatBytes, formatDuration } from "../uploads/progress"
import { createTransfer, forgetInterrupted, interruptedUploads, type Transfer } from "../uploads/transfer"
import { Button } from "./Button"

export interface FileUploadApi {
  /** Forget the finished files (after the form that carried them was sent). */
  readonly clear: () => void
}

export interface FileUploadProps {
  /** The purpose a plugin declared for these files, e.g. `ticket-attachment`. */
  readonly purpose: string
  /** Refuse larger files before sending a byte (the server checks again). */
  readonly maxBytes?: number
  readonly maxFiles?: number
  /** A guest's credential for the purpose (sent as `x-wharf-guest`). */
  readonly guest?: string | undefined
  readonly label?: string
  /** Ids of the finished uploads, in the order the files were added. */
  readonly onChange: (uploadIds: ReadonlyArray<string>) => void
  /** True while any file is still on its way; a form waits before it submits. */
  readonly onBusyChange?: (busy: boolean) => void
  readonly ref?: (api: FileUploadApi) => void
}

const DEFAULT_MAX = 2 * 1024 ** 3

const problemText = (x: Transfer) => {
  const p = x.problem()
  if (!p) return ""
  if (p.kind === "tooLarge") return t("upload.tooLarge", { detail: p.detail })
  if (p.kind === "offline") return t("upload.offline")
  return t("upload.refused", { detail: p.detail })
}

const percent = (x: Transfer) => (x.file.size === 0 ? 100 : Math.floor((x.sent() / x.file.size) * 100))

export const FileUpload = (props: FileUploadProps) => {
  const [transfers, setTransfers] = createSignal<Transfer[]>([])
  const [refused, setRefused] = createSignal<string[]>([])
  const [dragging, setDragging] = createSignal(false)
  const [interrupted, setInterrupted] = createSignal<PreviousUpload[]>([])
  let input!: HTMLInputElement

  const report = () => {
    props.onChange(
      transfers()
        .map((x) => x.uploadId())
        .filter((id): id is string => id !== null)
    )
    props.onBusyChange?.(transfers().some((x) => x.state() !== "done" && x.state() !== "failed"))
  }
  // Every change of the list or of a file's state reaches the form.
  createEffect(report)

  const refreshInterrupted = async () => {
    const active = new Set(transfers().map((x) => `${x.file.name}\n${x.file.size}`))
    const found = await interruptedUploads(props.purpose)
    setInterrupted(found.filter((p) => !active.has(`${p.metadata?.filename}\n${p.size}`)))
  }

  const add = (files: ReadonlyArray<File>) => {
    const max = props.maxBytes ?? DEFAULT_MAX
    const problems: string[] = []
    const room = (props.maxFiles ?? 10) - transfers().length
    const accepted = files.filter((f, i) => {
      if (i >= room) {
        problems.push(t("upload.tooMany", { name: f.name, max: props.maxFiles ?? 10 }))
        return false
      }
      if (f.size > max) {
        problems.push(
          t("upload.fileTooLarge", { name: f.name, size: formatBytes(f.size), max: formatBytes(max) })
        )
        return false
      }
      return true
    })
    setRefused(problems)
    const started = accepted.map((f) => createTransfer(f, { purpose: props.purpose, guest: props.guest }))
    setTransfers([...transfers(), ...started])
    void refreshInterrupted()
  }

  const remove = (x: Transfer) => {
    x.cancel()
    setTransfers(transfers().filter((y) => y !== x))
  }

  onMount(() => {
    void refreshInterrupted()
    props.ref?.({
      clear: () => {
        for (const x of transfers()) x.cancel()
        setTransfers([])
        setRefused([])
      }
    })
  })
  onCleanup(() => {
    for (const x of transfers()) if (x.state() !== "done") x.pause()
  })

  return (
    <div class="upload">
      <fieldset
        aria-label={props.label ?? t("upload.drop")}
        class={`upload-drop ${dragging() ? "upload-drop-active" : ""}`}
        onDragOver={(e) => {
          e.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault()
          setDragging(false)
          add([...(e.dataTransfer?.files ?? [])])
        }}
      >
        <span>{props.label ?? t("upload.drop")}</span>
        <Button size="sm" onClick={() => input.click()}>
          {t("upload.choose")}
        </Button>
        <span class="muted">{t("upload.limit", { max: formatBytes(props.maxBytes ?? DEFAULT_MAX) })}</span>
        <input
          ref={input}
          type="file"
          multiple
          class="upload-input"
          aria-label={t("upload.choose")}
          onChange={(e) => {
            add([...(e.currentTarget.files ?? [])])
            e.currentTarget.value = ""
          }}
        />
      </fieldset>

      <For each={refused()}>
        {(message) => (
          <p class="field-error" role="alert">
            {message}
          </p>
        )}
      </For>

      <Show when={interrupted().length > 0}>
        <div class="notice notice-info upload-interrupted" role="status">
          <p>{t("upload.interrupted")}</p>
          <ul>
            <For each={interrupted()}>
              {(p) => (
                <li>
                  <span>
                    {p.metadata?.filename} · {formatBytes(p.size ?? 0)}
                  </span>
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={async () => {
                      await forgetInterrupted(p)
                      void refreshInterrupted()
                    }}
                  >
                    {t("upload.forget")}
                  </Button>
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>

      <ul class="upload-list">
        <For each={transfers()}>
          {(x) => (
            <li class={`upload-item upload-${x.state()}`} data-state={x.state()}>
              <div class="upload-row">
                <span class="upload-name">{x.file.name}</span>
                <span class="muted">{formatBytes(x.file.size)}</span>
                <span class="upload-spacer" />
                <Show when={x.state() === "uploading" || x.state() === "retrying"}>
                  <Button size="sm" variant="ghost" onClick={() => x.pause()}>
                    {t("upload.pause")}
                  </Button>
                </Show>
                <Show when={x.state() === "paused"}>
                  <Button size="sm" variant="ghost" onClick={() => x.resume()}>
                    {t("upload.resume")}
                  </Button>
                </Show>
                <Show when={x.state() === "failed"}>
                  <Button size="sm" variant="ghost" onClick={() => x.resume()}>
                    {t("common.retry")}
                  </Button>
                </Show>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => remove(x)}
                  aria-label={t("upload.remove", { name: x.file.name })}
                >
                  ×
                </Button>
              </div>
              <div
                class="upload-bar"
                role="progressbar"
                aria-label={x.file.name}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={percent(x)}
              >
                <div class="upload-bar-fill" style={{ width: `${percent(x)}%` }} />
              </div>
              <p class="upload-status muted" aria-live="polite">
                <span class="upload-percent">{percent(x)}%</span>
                <Show when={x.state() === "uploading" && x.rate()}>
                  {" · "}
                  {t("upload.speed", { speed: formatBytes(x.rate() ?? 0) })}
                  <Show when={x.timeLeft() !== null}>
                    {" · "}
                    {t("upload.timeLeft", { time: formatDuration(x.timeLeft() ?? 0) })}
                  </Show>
                </Show>
                <Show when={x.resumedFrom()}>
                  {" · "}
                  <span class="upload-resumed">
                    {t("upload.resumedFrom", {
                      percent: Math.floor(((x.resumedFrom() ?? 0) / (x.file.size || 1)) * 100)
                    })}
                  </span>
                </Show>
                <Show when={x.state() === "paused"}> · {t("upload.paused")}</Show>
                <Show when={x.state() === "retrying"}>
                  {" · "}
                  {t("upload.retrying", { seconds: Math.ceil((x.retryIn() ?? 0) / 1000) })}
                </Show>
                <Show when={x.state() === "done"}> · {t("upload.done")}</Show>
              </p>
              <Show when={x.state() === "failed"}>
                <p class="field-error" role="alert">
                  {problemText(x)}
                </p>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </div>
  )
}
