/**
 * @module Small pieces every helpdesk page shares: badges, the ticket number link, the
 * SLA badge, the severity picker with the seed's definitions, and the Markdown body.
 */
import { A } from "@solidjs/router"
import { Badge, formatDateTime, locale, t } from "@wharf/core/web"
import { For, Show } from "solid-js"
import { SEVERITIES, type Severity, type TicketStatus } from "../shared/status"
import type { SlaState } from "../shared/types"
import { type StatusReader, severityLabel, severityTone, statusLabel, statusTone } from "./api"

export const StatusBadge = (props: { status: TicketStatus; side?: StatusReader }) => (
  <Badge tone={statusTone(props.status)}>{statusLabel(props.status, props.side)}</Badge>
)

export const SeverityBadge = (props: { severity: Severity }) => (
  <Badge tone={severityTone(props.severity)}>{severityLabel(props.severity)}</Badge>
)

export const TicketLink = (props: { number: number; href: string }) => (
  <A href={props.href} class="hd-number mono">
    #{props.number}
  </A>
)

/**
 * A ticket's tenant, the one way the support center shows it: "用户组 data-team",
 * "个人 李伟", "访客 a@b.c" (never the namespace form g-data-team, nor the bare kind),
 * kept on one line.
 */
export const TenantName = (props: { tenant: { kind: "user" | "group" | "guest"; name: string } }) => (
  <span class="hd-tenant">{t(`helpdesk.tenant.${props.tenant.kind}`, { name: props.tenant.name })}</span>
)

const URL_IN_TEXT = /(https?:\/\/[^\s<>"')]+)/

/** Plain text (a mail's body) with its web addresses as links an admin can open. */
export const LinkedText = (props: { text: string }) => (
  <For each={props.text.split(URL_IN_TEXT)}>
    {(part, i) =>
      i() % 2 === 1 ? (
        <a href={part} target="_blank" rel="noopener noreferrer">
          {part}
        </a>
      ) : (
        part
      )
    }
  </For>
)

export const categoryName = (c: { name: string; nameEn: string }) => (locale() === "en" ? c.nameEn : c.name)

/** A service calendar's name in the reader's language: the Chinese where no English was given. */
export const calendarName = (c: { name: string; nameEn: string | null }) =>
  (locale() === "en" && c.nameEn) || c.name

export const SlaBadge = (props: { sla: SlaState | undefined }) => (
  <Show when={props.sla}>
    {(sla) => {
      const due = () => (sla().firstRespondedAt ? sla().resolutionDue : sla().firstResponseDue)
      return (
        <span class="hd-sla">
          <Badge
            tone={
              sla().state === "breached"
                ? "danger"
                : sla().state === "due"
                  ? "warning"
                  : sla().state === "met"
                    ? "success"
                    : "neutral"
            }
          >
            {t(`helpdesk.sla.${sla().state}`)}
          </Badge>
          <Show when={due() && sla().state !== "met"}>
            <span class="muted hd-due">{formatDateTime(due()!)}</span>
          </Show>
        </span>
      )
    }}
  </Show>
)

/** Radio cards: each severity with its definition from the seed, so the choice is informed. */
export const SeverityPicker = (props: { value: Severity; onChange: (s: Severity) => void }) => (
  <fieldset class="hd-severity">
    <legend class="field-label">{t("helpdesk.field.severity")}</legend>
    <For each={SEVERITIES}>
      {(s) => (
        <label class={`hd-severity-option ${props.value === s ? "selected" : ""}`}>
          <input
            type="radio"
            name="severity"
            value={s}
            checked={props.value === s}
            onChange={() => props.onChange(s)}
          />
          <span>
            <SeverityBadge severity={s} />
            <span class="hd-severity-def">{t(`helpdesk.severity.${s}.def`)}</span>
          </span>
        </label>
      )}
    </For>
  </fieldset>
)

/** HTML the server rendered from Markdown and sanitized. */
export const Markdown = (props: { html: string }) => <div class="hd-markdown" innerHTML={props.html} />

export const Stars = (props: { rating: number }) => (
  <span class="hd-stars" role="img" aria-label={t("helpdesk.survey.stars", { n: props.rating })}>
    {"★".repeat(props.rating)}
    <span class="hd-stars-off">{"★".repeat(5 - props.rating)}</span>
  </span>
)
