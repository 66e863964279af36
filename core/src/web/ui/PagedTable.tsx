/**
 * @module A paged, searchable table: the search box, the table or its failure, and the pages
 * below, laid out the same on every list page. Pair it with `createPagedList`.
 */
import { type JSX, Show } from "solid-js"
import type { PagedList } from "../list"
import { ErrorNotice } from "./Feedback"
import { SearchInput } from "./Form"
import { type Column, Pagination, Table } from "./Table"

type Empty = { title: string; hint?: string; action?: JSX.Element }

export const PagedTable = <T,>(props: {
  list: PagedList<T>
  caption: string
  columns: ReadonlyArray<Column<T>>
  searchLabel: string
  searchPlaceholder: string
  /** Shown when the list has no rows at all. */
  empty: Empty
  /** Shown when a search found nothing (not the same advice as an empty list). */
  noMatch: (search: string) => Empty
}) => (
  <>
    <div class="toolbar">
      <SearchInput
        label={props.searchLabel}
        placeholder={props.searchPlaceholder}
        value={props.list.searchText()}
        onInput={props.list.onSearch}
      />
    </div>
    <Show
      when={!props.list.error()}
      fallback={<ErrorNotice error={props.list.error()} onRetry={props.list.refetch} />}
    >
      <Table
        caption={props.caption}
        columns={props.columns}
        rows={props.list.rows()}
        loading={props.list.loading()}
        empty={props.list.search() ? props.noMatch(props.list.search()) : props.empty}
      />
      <Show when={props.list.total() > 0}>
        <Pagination
          offset={props.list.offset()}
          limit={props.list.limit}
          total={props.list.total()}
          onChange={props.list.setOffset}
        />
      </Show>
    </Show>
  </>
)
