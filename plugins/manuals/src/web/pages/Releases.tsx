/**
 * @module Release announcements, newest first, with a link to the Atom feed.
 */
import {
  Badge,
  Button,
  Card,
  EmptyState,
  ErrorNotice,
  Loading,
  locale,
  Page,
  Pagination,
  t,
  viewerHas
} from "@wharf/core/web"
import { createResource, createSignal, For, Show } from "solid-js"
import { api } from "../api"
import { ReleaseDialog } from "../ReleaseDialog"
import "../manuals.css"

const PAGE = 10

export default function Releases() {
  const [offset, setOffset] = createSignal(0)
  const [releases, { refetch }] = createResource(
    () => ({ offset: offset(), locale: locale() }),
    (q) => api.releases.list.query({ limit: PAGE, ...q })
  )
  const admin = () => viewerHas("admin")
  const [announcing, setAnnouncing] = createSignal(false)
  return (
    <Page
      title={t("manuals.releases.title")}
      subtitle={t("manuals.releases.subtitle")}
      actions={
        <>
          <a class="btn btn-secondary" href="/api/v1/releases/feed.xml">
            {t("manuals.releases.feed")}
          </a>
          <Show when={admin()}>
            <Button variant="primary" onClick={() => setAnnouncing(true)}>
              {t("manuals.admin.announce")}
            </Button>
          </Show>
        </>
      }
    >
      <Show when={!releases.error} fallback={<ErrorNotice error={releases.error} onRetry={refetch} />}>
        <Show when={releases()} fallback={<Loading />}>
          <Show
            when={releases()!.items.length > 0}
            fallback={<EmptyState title={t("manuals.releases.empty")} />}
          >
            <For each={releases()!.items}>
              {(r) => (
                <Card title={r.title} class="release">
                  <div class="release-meta" id={r.id}>
                    <Badge tone="info">
                      {r.product} {r.version}
                    </Badge>
                    <time datetime={r.date}>{r.date}</time>
                  </div>
                  <div class="manual-prose" innerHTML={r.html} />
                </Card>
              )}
            </For>
            <Pagination offset={offset()} limit={PAGE} total={releases()!.total} onChange={setOffset} />
          </Show>
        </Show>
      </Show>
      <ReleaseDialog
        open={announcing()}
        onClose={() => setAnnouncing(false)}
        onSaved={() => {
          setAnnouncing(false)
          if (offset() === 0) void refetch()
          else setOffset(0)
        }}
      />
    </Page>
  )
}
