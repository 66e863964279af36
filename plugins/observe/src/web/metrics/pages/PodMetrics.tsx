/** @module A pod's metrics page (`/observe/metrics/:cluster/:namespace/:pod?container=`): its containers' CPU and memory and its network. */
import { useParams, useSearchParams } from "@solidjs/router"
import { Page, t } from "@wharf/core/web"
import { MetricsPanel } from "../MetricsPanel"

export default function PodMetrics() {
  const params = useParams<{ cluster: string; namespace: string; pod: string }>()
  const [search] = useSearchParams<{ container?: string }>()
  return (
    <Page
      title={t("observe.metrics.podTitle", { pod: params.pod })}
      subtitle={`${params.namespace}${search.container ? ` · ${search.container}` : ""}`}
    >
      <MetricsPanel
        of={{
          target: "pod",
          clusterId: params.cluster,
          namespace: params.namespace,
          pod: params.pod,
          ...(search.container ? { container: search.container } : {})
        }}
      />
    </Page>
  )
}
