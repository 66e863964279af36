/**
 * @module Tables with a loading state, an empty state and pagination, the same on every page.
 */
import { For, type JSX, Show } from "solid-js"
import { formatNumber, t } from "../i18n"
import { Button } from "./Button"
import { EmptyState, Spinner } from "./Feedback"

export interface Column<T> {
  readonly header: string
  readonly cell: (row: T) => JSX.Element
  readonly width?: string
  readonly align?: "left" | "right"
  /** Short values (badges, names, dates) that read worse broken over lines. */
  readonly nowrap?: boolean
}

export const Table = <T,>(props: {
  columns: ReadonlyArray<Column<T>>
  rows: ReadonlyArray<T> | undefined
  loading?: boolean
  empty: { title: string; hint?: string; action?: JSX.Element }
  caption?: string
}) => (
  <div class="table-wrap">
    <table class="table">
      <Show when={props.caption}>
        <caption class="visually-hidden">{props.caption}</caption>
      </Show>
      <thead>
        <tr>
          <For each={props.columns}>
            {(c) => (
              <th
                scope="col"
                style={{ width: c.width, "text-align": c.align ?? "left", "white-space": "nowrap" }}
              >
                {c.header}
              </th>
            )}
          </For>
        </tr>
      </thead>
      <tbody>
        <Show when={!props.loading || props.rows} fallback={<SkeletonRows columns={props.columns.length} />}>
          <For each={props.rows}>
            {(row) => (
              <tr>
                <For each={props.columns}>
                  {(c) => (
                    <td
                      style={{
                        "text-align": c.align ?? "left",
                        "white-space": c.nowrap ? "nowrap" : undefined
                      }}
                    >
                      {c.cell(row)}
                    </td>
                  )}
                </For>
              </tr>
            )}
          </For>
        </Show>
      </tbody>
    </table>
    <Show when={props.rows && props.rows.length === 0}>
      <EmptyState title={props.empty.title} hint={props.empty.hint} action={props.empty.action} />
    </Show>
    <Show when={props.loading && props.rows}>
      <div class="table-refreshing">
        <Spinner size={14} />
      </div>
    </Show>
  </div>
)

const SkeletonRows = (props: { columns: number }) => (
  <For each={[0, 1, 2]}>
    {() => (
      <tr class="skeleton-row">
        <For each={Array.from({ length: props.columns })}>
          {() => (
            <td>
              <span class="skeleton" aria-hidden="true" />
            </td>
          )}
        </For>
      </tr>
    )}
  </For>
)

export const Pagination = (props: {
  offset: number
  limit: number
  total: number
  onChange: (offset: number) => void
}) => {
  const page = () => Math.floor(props.offset / props.limit) + 1
  const pages = () => Math.max(1, Math.ceil(props.total / props.limit))
  return (
    <nav class="pagination" aria-label={t("common.pagination")}>
      <span class="pagination-info">{t("common.total", { total: formatNumber(props.total) })}</span>
      <Button
        size="sm"
        variant="ghost"
        disabled={page() <= 1}
        onClick={() => props.onChange(Math.max(0, props.offset - props.limit))}
      >
        {t("common.previous")}
      </Button>
      <span class="pagination-page">{t("common.pageOf", { page: page(), pages: pages() })}</span>
      <Button
        size="sm"
        variant="ghost"
        disabled={page() >= pages()}
        onClick={() => props.onChange(props.offset + props.limit)}
      >
        {t("common.next")}
      </Button>
    </nav>
  )
}
