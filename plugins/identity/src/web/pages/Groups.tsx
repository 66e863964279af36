import { Page, t } from "@wharf/core/web"

export default function Groups() {
  return <Page title={t("identity.nav.users")}>{null}</Page>
}
