/**
 * @module One article: its rendered body, who wrote it and when, a helpful / not helpful
 * vote (signed-in readers; one per user), related articles, and for editors the way to
 * edit it and see its history.
 */
import { A, useParams } from "@solidjs/router"
import {
  Badge,
  Button,
  Card,
  describeError,
  ErrorNotice,
  formatDateTime,
  Loading,
  locale,
  Page,
  t,
  toast,
  viewer,
  viewerHas
} from "@wharf/core/web"
import { createResource, createSignal, For, Show } from "solid-js"
import { tagLabel } from "../../shared/tags"
import type { Article } from "../../shared/types"
import { api } from "../api"
import { ArticleLinks, Prose } from "../parts"
import "../kb.css"

const Vote = (props: { article: Article }) => {
  const [counts, setCounts] = createSignal({
    helpful: props.article.helpful,
    notHelpful: props.article.notHelpful,
    myVote: props.article.myVote
  })
  const [busy, setBusy] = createSignal(false)
  const vote = async (helpful: boolean) => {
    setBusy(true)
    try {
      setCounts(await api.vote.mutate({ id: props.article.id, helpful }))
      toast(t("kb.helpful.thanks"))
    } catch (e) {
      toast(describeError(e), "error")
    } finally {
      setBusy(false)
    }
  }
  return (
    <div class="kb-vote">
      <strong>{t("kb.helpful.question")}</strong>
      <Show when={viewer()} fallback={<A href="/sign-in">{t("kb.helpful.signIn")}</A>}>
        <Button
          size="sm"
          variant={counts().myVote === true ? "primary" : "secondary"}
          aria-pressed={counts().myVote === true}
          disabled={busy()}
          onClick={() => vote(true)}
        >
          {t("kb.helpful.yes")}
        </Button>
        <Button
          size="sm"
          variant={counts().myVote === false ? "primary" : "secondary"}
          aria-pressed={counts().myVote === false}
          disabled={busy()}
          onClick={() => vote(false)}
        >
          {t("kb.helpful.no")}
        </Button>
      </Show>
      <span class="muted" data-testid="vote-counts">
        {t("kb.helpful.counts", { yes: counts().helpful, no: counts().notHelpful })}
      </span>
    </div>
  )
}

export default function ArticlePage() {
  const params = useParams<{ id: string }>()
  const [article, { refetch }] = createResource(
    () => params.id,
    (id) => api.get.query({ id })
  )
  const [related] = createResource(
    () => params.id,
    (id) => api.related.query({ id })
  )
  const editor = () => viewerHas("admin", "agent")
  const crumbs = <A href="/kb">{t("kb.back")}</A>
  return (
    <Show
      when={article()}
      fallback={
        <Page title={t("kb.title")} breadcrumbs={crumbs}>
          <Show when={article.error} fallback={<Loading />}>
            <ErrorNotice error={article.error} onRetry={refetch} />
          </Show>
        </Page>
      }
    >
      {(a) => (
        <Page
          title={a().title}
          breadcrumbs={crumbs}
          actions={
            <Show when={editor()}>
              <A class="btn btn-secondary" href={`/kb/editor/${a().id}`}>
                {t("kb.edit")}
              </A>
              <A class="btn btn-ghost" href={`/kb/editor/${a().id}/history`}>
                {t("kb.history")}
              </A>
            </Show>
          }
        >
          <div class="kb-article">
            <Card>
              <div class="kb-meta">
                <Badge tone="info">
                  {a().product} {a().version}
                </Badge>
                <For each={a().tags}>
                  {(tag) => (
                    // Articles are found by their tags' labels in their own language.
                    <A
                      href={`/kb?q=${encodeURIComponent(tagLabel(tag, a().locale))}&tag=${encodeURIComponent(tag)}`}
                    >
                      #{tagLabel(tag, locale())}
                    </A>
                  )}
                </For>
                <span>{t("kb.by", { name: a().authorName })}</span>
                <span>{t("kb.updated", { time: formatDateTime(a().updatedAt) })}</span>
                <Show when={a().status === "draft"}>
                  <Badge tone="warning">{t("kb.draft")}</Badge>
                </Show>
              </div>
              <Prose html={a().html} />
              <Vote article={a()} />
            </Card>
            <Card title={t("kb.related")}>
              <Show when={related()} fallback={<Loading />}>
                <ArticleLinks articles={related()!} />
              </Show>
            </Card>
          </div>
        </Page>
      )}
    </Show>
  )
}
