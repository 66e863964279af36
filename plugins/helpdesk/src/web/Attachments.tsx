/**
 * @module The files on a ticket or a message: name, size, a download link. The link is
 * the server's attachment route, which checks again who may read it.
 */
import { formatBytes, t } from "@wharf/core/web"
import { For, Show } from "solid-js"
import type { Attachment } from "../shared/types"

export const AttachmentList = (props: { files: ReadonlyArray<Attachment> }) => (
  <Show when={props.files.length > 0}>
    <ul class="hd-attachments" aria-label={t("helpdesk.attachments.title")}>
      <For each={props.files}>
        {(f) => (
          <li class="hd-attachment">
            {/* A paperclip drawn, not an emoji: servers and kiosks often lack an emoji font. */}
            <svg class="hd-attachment-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <path
                d="M10.5 4.5 5.8 9.2a1.2 1.2 0 0 0 1.7 1.7l5-5a2.5 2.5 0 0 0-3.5-3.5l-5 5a3.8 3.8 0 0 0 5.3 5.3L13 8"
                fill="none"
                stroke="currentColor"
                stroke-width="1.3"
                stroke-linecap="round"
              />
            </svg>
            <a href={f.url} download={f.name} class="hd-attachment-name">
              {f.name}
            </a>
            <span class="muted">{formatBytes(f.size)}</span>
          </li>
        )}
      </For>
    </ul>
  </Show>
)

/** The upload limit of ticket attachments (SPEC HD-3): the server checks it too. */
export const ATTACHMENT_MAX_BYTES = 2 * 1024 ** 3
export const ATTACHMENT_PURPOSE = "ticket-attachment"
