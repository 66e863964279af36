import { Page, t } from "@wharf/core/web"

export default function Users() {
  return <Page title={t("identity.nav.users")}>{null}</Page>
}
