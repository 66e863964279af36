/** @module The per-container links (终端, 当前日志, 指标) the host page and the app page show. */
import { A } from "@solidjs/router"
import { t } from "@wharf/core/web"
import type { PodContainer } from "../shared"
import { pagePath } from "./api"
import { metricsPath } from "./metrics/api"
import "./observe.css"

export const PodLinks = (props: PodContainer) => (
  <span class="observe-links">
    <A
      href={pagePath("terminal", props)}
      title={t("observe.linksOf", { pod: props.pod, container: props.container })}
    >
      {t("observe.terminal")}
    </A>
    <A
      href={pagePath("logs", props)}
      title={t("observe.linksOf", { pod: props.pod, container: props.container })}
    >
      {t("observe.logs")}
    </A>
    <A href={metricsPath(props)} title={t("observe.linksOf", { pod: props.pod, container: props.container })}>
      {t("observe.metrics")}
    </A>
  </span>
)
