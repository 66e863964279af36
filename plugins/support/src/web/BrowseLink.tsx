/** @module On the sign-in page: the public pages a visitor may read without an account. */
import { A } from "@solidjs/router"
import { t } from "@wharf/core/web"

export const BrowseLink = () => <A href="/support">{t("support.signIn.browse")}</A>
