/**
 * @module Support's handling panel on a ticket: assignee (or "assign to me"), status,
 * severity, the requester's email and the SLA due times.
 */
import { Button, Card, formatDateTime, Select, t, toast, viewer } from "@wharf/core/web"
import { createResource, createSignal, Show } from "solid-js"
import { SEVERITIES, type Severity, STATUSES, type TicketStatus } from "../shared/status"
import type { TicketDetail } from "../shared/types"
import { api, describe, severityLabel, statusLabel } from "./api"
import { calendarName, SlaBadge, TenantName } from "./parts"

export const SupportPanel = (props: { ticket: TicketDetail; onChange: (t: TicketDetail) => void }) => {
  const [agents] = createResource(() => api.support.agents.query())
  const [error, setError] = createSignal<string>()
  const save = async (p: Promise<TicketDetail>) => {
    setError(undefined)
    try {
      props.onChange(await p)
      toast(t("helpdesk.support.saved"))
    } catch (e) {
      setError(describe(e))
    }
  }
  const number = () => props.ticket.number
  const closed = () => props.ticket.status === "closed"
  return (
    <Card title={t("helpdesk.support.panel")}>
      <div class="hd-panel">
        <Select
          label={t("helpdesk.field.assignee")}
          value={props.ticket.assignee?.id ?? ""}
          onChange={(e) =>
            save(api.support.assign.mutate({ number: number(), assigneeId: e.currentTarget.value || null }))
          }
          options={[
            { value: "", label: t("helpdesk.support.nobody") },
            ...(agents() ?? []).map((a) => ({ value: a.id, label: a.name })),
            ...(props.ticket.assignee && !agents()?.some((a) => a.id === props.ticket.assignee?.id)
              ? [{ value: props.ticket.assignee.id, label: props.ticket.assignee.name }]
              : [])
          ]}
        />
        <Show when={props.ticket.assignee?.id !== viewer()?.id}>
          <Button
            size="sm"
            onClick={() => save(api.support.assign.mutate({ number: number(), assigneeId: viewer()!.id }))}
          >
            {t("helpdesk.support.assignMe")}
          </Button>
        </Show>
        <Select
          label={t("helpdesk.field.status")}
          value={props.ticket.status}
          disabled={closed()}
          onChange={(e) =>
            save(
              api.support.setStatus.mutate({
                number: number(),
                status: e.currentTarget.value as TicketStatus
              })
            )
          }
          options={STATUSES.map((s) => ({ value: s, label: statusLabel(s, "support") }))}
        />
        <Select
          label={t("helpdesk.field.severity")}
          value={props.ticket.severity}
          disabled={closed()}
          onChange={(e) =>
            save(
              api.support.setSeverity.mutate({
                number: number(),
                severity: e.currentTarget.value as Severity
              })
            )
          }
          options={SEVERITIES.map((s) => ({ value: s, label: severityLabel(s) }))}
        />
        <Show when={error()}>
          <div class="notice notice-error" role="alert">
            {error()}
          </div>
        </Show>
        <dl class="hd-facts">
          <dt>{t("helpdesk.support.requesterEmail")}</dt>
          <dd class="mono">{props.ticket.requesterEmail}</dd>
          <dt>{t("helpdesk.field.tenant")}</dt>
          <dd>
            <TenantName tenant={props.ticket.tenant} />
          </dd>
          <Show when={props.ticket.sla}>
            {(sla) => (
              <>
                <dt>{t("helpdesk.field.sla")}</dt>
                <dd>
                  <SlaBadge sla={sla()} />
                </dd>
                <dt>{t("helpdesk.support.calendar")}</dt>
                <dd>
                  {sla().calendar ? calendarName({ name: sla().calendar!, nameEn: sla().calendarEn }) : "—"}
                </dd>
                <dt>{t("helpdesk.support.firstResponse")}</dt>
                <dd>
                  {sla().firstResponseDue ? formatDateTime(sla().firstResponseDue!) : "—"}
                  <Show when={sla().firstRespondedAt}> ✓</Show>
                </dd>
                <dt>{t("helpdesk.support.resolution")}</dt>
                <dd>{sla().resolutionDue ? formatDateTime(sla().resolutionDue!) : "—"}</dd>
              </>
            )}
          </Show>
        </dl>
      </div>
    </Card>
  )
}
