import { A } from "@solidjs/router"
import { t, usePageTitle } from "@wharf/core/web"

export default function Forbidden() {
  usePageTitle(() => t("forbidden.title"))
  return (
    <section class="page">
      <div class="card status-page">
        <div class="status-code">403</div>
        <h1 class="page-title">{t("forbidden.title")}</h1>
        <p class="muted">{t("forbidden.hint")}</p>
        <A href="/" class="btn btn-primary">
          {t("notFound.home")}
        </A>
      </div>
    </section>
  )
}
