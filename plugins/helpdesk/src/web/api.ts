/**
 * @module The helpdesk pages' client, labels for statuses and severities, and how failures read.
 */
import { errorMessage, pluginApi, t } from "@wharf/core/web"
import type { HelpdeskRouter } from "../server/router"
import type { Severity, TicketStatus } from "../shared/status"

export const api = pluginApi<HelpdeskRouter>("helpdesk")

export const describe = (error: unknown) => {
  const m = errorMessage(error)
  return m === "network" ? t("common.networkError") : m
}

export const statusTone = (s: TicketStatus) =>
  s === "in_progress"
    ? "info"
    : s === "awaiting_reply"
      ? "warning"
      : s === "awaiting_confirmation"
        ? "success"
        : "neutral"

export const severityTone = (s: Severity) =>
  s === "critical" ? "danger" : s === "major" ? "warning" : s === "normal" ? "info" : "neutral"

/** Which side reads a status: "待您回复" tells the customer to act, the agent reads "待客户回复". */
export type StatusReader = "customer" | "support"

export const statusLabel = (s: TicketStatus, reader: StatusReader = "customer") =>
  t(reader === "support" ? `helpdesk.statusForSupport.${s}` : `helpdesk.status.${s}`)
export const severityLabel = (s: Severity) => t(`helpdesk.severity.${s}`)
