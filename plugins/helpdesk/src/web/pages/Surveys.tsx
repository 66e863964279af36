/**
 * @module Survey results for support: the overall average, and averages by month,
 * category and agent, with the latest ratings and comments (SPEC HD-7).
 */
import { A } from "@solidjs/router"
import { Card, EmptyState, ErrorNotice, formatDateTime, Loading, Page, Table, t } from "@wharf/core/web"
import { createResource, Show } from "solid-js"
import { api } from "../api"
import { Stars } from "../parts"
import "../helpdesk.css"

type Row = { name?: string; period?: string; count: number; average: number }

const Breakdown = (props: { title: string; rows: ReadonlyArray<Row>; label: string }) => (
  <Card title={props.title}>
    <Table
      columns={[
        { header: props.label, cell: (r: Row) => r.period ?? r.name },
        { header: t("helpdesk.surveys.count"), align: "right", cell: (r: Row) => r.count },
        {
          header: t("helpdesk.surveys.average"),
          align: "right",
          cell: (r: Row) => <strong>{r.average.toFixed(2)}</strong>
        }
      ]}
      rows={props.rows}
      empty={{ title: t("helpdesk.surveys.empty") }}
    />
  </Card>
)

export default function Surveys() {
  const [report, { refetch }] = createResource(() => api.support.surveyReport.query({ period: "month" }))
  return (
    <Page title={t("helpdesk.surveys.title")} subtitle={t("helpdesk.surveys.subtitle")}>
      <Show when={!report.error} fallback={<ErrorNotice error={report.error} onRetry={refetch} />}>
        <Show when={report()} fallback={<Loading />}>
          {(r) => (
            <Show
              when={r().overall.count > 0}
              fallback={
                <Card>
                  <EmptyState title={t("helpdesk.surveys.empty")} />
                </Card>
              }
            >
              <div class="hd-kpis">
                <div class="card hd-kpi">
                  <span class="muted">{t("helpdesk.surveys.average")}</span>
                  <strong>{r().overall.average?.toFixed(2)}</strong>
                  <Stars rating={Math.round(r().overall.average ?? 0)} />
                </div>
                <div class="card hd-kpi">
                  <span class="muted">{t("helpdesk.surveys.count")}</span>
                  <strong>{r().overall.count}</strong>
                </div>
              </div>
              <div class="hd-report-grid">
                <Breakdown
                  title={t("helpdesk.surveys.byPeriod")}
                  rows={r().byPeriod}
                  label={t("helpdesk.surveys.period")}
                />
                <Breakdown
                  title={t("helpdesk.surveys.byCategory")}
                  rows={r().byCategory}
                  label={t("helpdesk.field.category")}
                />
                <Breakdown
                  title={t("helpdesk.surveys.byAgent")}
                  rows={r().byAgent}
                  label={t("helpdesk.field.assignee")}
                />
              </div>
              <Card title={t("helpdesk.surveys.recent")}>
                <Table
                  columns={[
                    {
                      header: t("helpdesk.field.number"),
                      cell: (s) => (
                        <A href={`/support/tickets/${s.number}`} class="mono">
                          #{s.number}
                        </A>
                      )
                    },
                    { header: t("helpdesk.field.title"), cell: (s) => s.title },
                    { header: t("helpdesk.surveys.average"), cell: (s) => <Stars rating={s.rating} /> },
                    {
                      header: t("helpdesk.surveys.comment"),
                      cell: (s) => s.comment || <span class="muted">—</span>
                    },
                    { header: t("helpdesk.field.assignee"), cell: (s) => s.agent ?? "—" },
                    {
                      header: t("helpdesk.field.created"),
                      cell: (s) => <span class="muted">{formatDateTime(s.createdAt)}</span>
                    }
                  ]}
                  rows={r().recent}
                  empty={{ title: t("helpdesk.surveys.empty") }}
                />
              </Card>
            </Show>
          )}
        </Show>
      </Show>
    </Page>
  )
}
