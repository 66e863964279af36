import { t } from "@wharf/core/web"
import { StatusPage } from "./StatusPage"

export default function Forbidden() {
  return <StatusPage code={403} title={t("forbidden.title")} hint={t("forbidden.hint")} />
}
