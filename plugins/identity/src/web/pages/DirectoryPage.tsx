/**
 * @module The page of one kind of directory entry (users or groups): its title, a button to
 * add one, and the paged, searchable table, in the words `identity.<kind>.*` give it.
 */
import { Button, type Column, Page, type PagedList, PagedTable, t } from "@wharf/core/web"
import { type JSX, Show } from "solid-js"

export const DirectoryPage = <T,>(props: {
  kind: "users" | "groups"
  list: PagedList<T>
  columns: ReadonlyArray<Column<T>>
  onNew: () => void
  /** Whether an empty directory offers to add the first entry (`identity.<kind>.createFirst`). */
  offerFirst?: boolean
  /** The page's dialogs. */
  children?: JSX.Element
}) => {
  const word = (key: string, params?: Record<string, string>) => t(`identity.${props.kind}.${key}`, params)
  const newButton = (label: string) => (
    <Button variant="primary" onClick={() => props.onNew()}>
      {label}
    </Button>
  )
  return (
    <Page title={word("title")} subtitle={word("subtitle")} actions={newButton(word("new"))}>
      <PagedTable
        list={props.list}
        caption={word("title")}
        columns={props.columns}
        searchLabel={word("search")}
        searchPlaceholder={word("searchPlaceholder")}
        noMatch={(search) => ({ title: word("noMatch", { search }), hint: t("identity.noMatchHint") })}
        empty={{
          title: word("empty"),
          hint: word("emptyHint"),
          action: <Show when={props.offerFirst}>{newButton(word("createFirst"))}</Show>
        }}
      />
      {props.children}
    </Page>
  )
}
