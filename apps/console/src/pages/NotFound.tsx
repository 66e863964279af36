import { A } from "@solidjs/router"
import { t, usePageTitle } from "@wharf/core/web"

export default function NotFound() {
  usePageTitle(() => t("notFound.title"))
  return (
    <section class="page">
      <div class="card status-page">
        <div class="status-code">404</div>
        <h1 class="page-title">{t("notFound.title")}</h1>
        <p class="muted">{t("notFound.hint")}</p>
        <A href="/" class="btn btn-primary">
          {t("notFound.home")}
        </A>
      </div>
    </section>
  )
}
