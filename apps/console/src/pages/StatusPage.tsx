/** @module The page a status code stands for (403, 404): the code, what it means, and the way home. */
import { A } from "@solidjs/router"
import { t, usePageTitle } from "@wharf/core/web"

export const StatusPage = (props: { code: number; title: string; hint: string }) => {
  usePageTitle(() => props.title)
  return (
    <section class="page">
      <div class="card status-page">
        <div class="status-code">{props.code}</div>
        <h1 class="page-title">{props.title}</h1>
        <p class="muted">{props.hint}</p>
        <A href="/" class="btn btn-primary">
          {t("notFound.home")}
        </A>
      </div>
    </section>
  )
}
