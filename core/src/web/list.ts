/**
 * @module Paged, searchable lists, the same on every page: the search box is debounced
 * and goes back to page 1; the last answer stays on screen while the next one loads; a
 * page left empty by a delete steps back one.
 */
import { createEffect, createResource, createSignal, onCleanup, type Resource } from "solid-js"

const PAGE_SIZE = 20
const SEARCH_DELAY_MS = 250

/**
 * A resource's last answer, read so that it neither suspends the page (the shell's
 * Suspense would blank it on every refetch) nor throws its error (the page shows it).
 */
export const settled = <T>(resource: Resource<T>): T | undefined =>
  resource.state === "ready" || resource.state === "refreshing" ? resource.latest : undefined

/**
 * A search box's text as typed, and `settle(trimmed)` once typing pauses: a query per
 * keystroke would load the server and make the rows flicker.
 */
export const createSearchBox = (initial: string, settle: (search: string) => void) => {
  const [text, setText] = createSignal(initial)
  let timer: ReturnType<typeof setTimeout> | undefined
  onCleanup(() => clearTimeout(timer))
  const onInput = (value: string) => {
    setText(value)
    clearTimeout(timer)
    timer = setTimeout(() => settle(value.trim()), SEARCH_DELAY_MS)
  }
  return { text, onInput }
}

export interface PageQuery {
  readonly search: string
  readonly offset: number
}

export interface PagedList<T> {
  readonly limit: number
  /** What is in the search box now. */
  readonly searchText: () => string
  readonly onSearch: (value: string) => void
  /** The search the rows answer (not what is being typed). */
  readonly search: () => string
  readonly offset: () => number
  readonly setOffset: (offset: number) => void
  readonly rows: () => ReadonlyArray<T> | undefined
  readonly total: () => number
  readonly loading: () => boolean
  /** The failure to show; hidden while a retry runs, so the skeleton shows instead. */
  readonly error: () => unknown
  readonly refetch: () => void
}

/**
 * `createPagedList((q) => api.users.list.query(q))`, then `<PagedTable list={list} ... />`
 * (or `<Table rows={list.rows()} ... />` and `<Pagination ... />` for another layout).
 */
export const createPagedList = <T>(
  fetchPage: (query: { search: string; limit: number; offset: number }) => Promise<{
    items: ReadonlyArray<T>
    total: number
  }>,
  options: { limit?: number; initial?: Partial<PageQuery> } = {}
): PagedList<T> => {
  const limit = options.limit ?? PAGE_SIZE
  const first = { search: options.initial?.search ?? "", offset: options.initial?.offset ?? 0 }
  const [query, setQuery] = createSignal<PageQuery>(first)
  const [page, { refetch }] = createResource(query, (q) => fetchPage({ ...q, limit }))
  const box = createSearchBox(first.search, (search) => setQuery({ search, offset: 0 }))

  const data = () => settled(page)
  createEffect(() => {
    const d = data()
    const { offset } = query()
    if (d && !page.loading && d.items.length === 0 && offset > 0) {
      setQuery((q) => ({ ...q, offset: Math.max(0, offset - limit) }))
    }
  })

  return {
    limit,
    searchText: box.text,
    onSearch: box.onInput,
    search: () => query().search,
    offset: () => query().offset,
    setOffset: (offset) => setQuery((q) => ({ ...q, offset })),
    rows: () => data()?.items,
    total: () => data()?.total ?? 0,
    loading: () => page.loading,
    error: () => (page.loading ? undefined : (page.error as unknown)),
    refetch: () => void refetch()
  }
}
