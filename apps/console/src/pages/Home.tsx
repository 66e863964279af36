/**
 * @module Home: what enabled plugins put in the `home.widgets` slot.
 */
import { EmptyState, homeWidgets, Page, Slot, t, viewer } from "@wharf/core/web"

export default function Home() {
  return (
    <Page title={t("shell.home.greeting", { name: viewer()?.name ?? "" })} subtitle={t("shell.home.title")}>
      <div class="grid">
        <Slot
          slot={homeWidgets}
          fallback={
            <div class="card" style={{ "grid-column": "1 / -1" }}>
              <EmptyState icon="⚓" title={t("shell.home.empty")} hint={t("shell.home.emptyHint")} />
            </div>
          }
        />
      </div>
    </Page>
  )
}
