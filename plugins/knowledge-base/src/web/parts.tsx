/**
 * @module Small pieces shared by the knowledge base pages: article rows, and the
 * server-sanitised article HTML.
 */
import { A } from "@solidjs/router"
import { Badge, formatDateTime, t } from "@wharf/core/web"
import { For, Show } from "solid-js"
import type { ArticleSummary } from "../shared/types"

export const ArticleMeta = (props: { article: ArticleSummary }) => (
  <span class="kb-meta">
    <Badge tone="info">
      {props.article.product} {props.article.version}
    </Badge>
    <span>{t(`kb.locale.${props.article.locale}`)}</span>
    <span>{t("kb.updated", { time: formatDateTime(props.article.updatedAt) })}</span>
    <Show when={props.article.status === "draft"}>
      <Badge tone="warning">{t("kb.draft")}</Badge>
    </Show>
  </span>
)

export const ArticleLinks = (props: { articles: ReadonlyArray<ArticleSummary> }) => (
  <ul class="kb-links">
    <For each={props.articles}>
      {(a) => (
        <li>
          <A href={`/kb/articles/${a.id}`}>{a.title}</A>
          <span class="muted">
            {a.product} {a.version}
          </span>
        </li>
      )}
    </For>
  </ul>
)

/** HTML the server rendered from Markdown and sanitised (see server/markdown.ts). */
export const Prose = (props: { html: string }) => <div class="kb-prose" innerHTML={props.html} />
