import { t } from "@wharf/core/web"
import { StatusPage } from "./StatusPage"

export default function NotFound() {
  return <StatusPage code={404} title={t("notFound.title")} hint={t("notFound.hint")} />
}
