/**
 * @module Paged, searchable lists (users, groups): the search box is debounced and goes
 * back to page 1; the last answer stays on screen while the next one loads.
 */
import { createEffect, createResource, createSignal, onCleanup, type Resource } from "solid-js"

export const PAGE_SIZE = 20
const SEARCH_DELAY_MS = 250

/**
 * A resource's last answer, read so that it neither suspends the page (the shell's
 * Suspense would blank it on every refetch) nor throws its error (the page shows it).
 */
export const settled = <T>(resource: Resource<T>): T | undefined =>
  resource.state === "ready" || resource.state === "refreshing" ? resource.latest : undefined

interface PageQuery {
  readonly search: string
  readonly offset: number
}

export const createPagedList = <T>(
  fetchPage: (query: { search: string; limit: number; offset: number }) => Promise<{
    items: ReadonlyArray<T>
    total: number
  }>,
  limit = PAGE_SIZE
) => {
  const [searchText, setSearchText] = createSignal("")
  const [query, setQuery] = createSignal<PageQuery>({ search: "", offset: 0 })
  const [page, { refetch }] = createResource(query, (q) => fetchPage({ ...q, limit }))

  let timer: ReturnType<typeof setTimeout> | undefined
  onCleanup(() => clearTimeout(timer))
  const onSearch = (value: string) => {
    setSearchText(value)
    clearTimeout(timer)
    timer = setTimeout(() => setQuery({ search: value.trim(), offset: 0 }), SEARCH_DELAY_MS)
  }

  const data = () => settled(page)
  // Deleting the last row of the last page leaves an empty page: step back one.
  createEffect(() => {
    const d = data()
    const { offset } = query()
    if (d && !page.loading && d.items.length === 0 && offset > 0) {
      setQuery((q) => ({ ...q, offset: Math.max(0, offset - limit) }))
    }
  })

  return {
    limit,
    searchText,
    onSearch,
    /** The search the rows answer (not what is being typed). */
    search: () => query().search,
    offset: () => query().offset,
    setOffset: (offset: number) => setQuery((q) => ({ ...q, offset })),
    rows: () => data()?.items,
    total: () => data()?.total ?? 0,
    loading: () => page.loading,
    /** The failure to show; hidden while a retry runs, so the skeleton shows instead. */
    error: () => (page.loading ? undefined : (page.error as unknown)),
    refetch: () => void refetch()
  }
}
