import { Page, t } from "@wharf/core/web"

export default function Profile() {
  return <Page title={t("identity.nav.users")}>{null}</Page>
}
