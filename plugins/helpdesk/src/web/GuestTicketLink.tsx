/** @module On the sign-in page: filing a ticket needs no account (seed 001: registering is optional). */
import { A } from "@solidjs/router"
import { t } from "@wharf/core/web"

export const GuestTicketLink = () => (
  <p>
    {t("helpdesk.signIn.noAccount")} <A href="/guest/tickets/new">{t("helpdesk.signIn.guestTicket")}</A>
  </p>
)
