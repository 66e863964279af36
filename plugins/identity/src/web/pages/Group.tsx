import { Page, t } from "@wharf/core/web"

export default function Group() {
  return <Page title={t("identity.nav.users")}>{null}</Page>
}
