/**
 * @module What Wharf keeps in a cluster for its tenants, as Kubernetes objects: a
 * PriorityClass per priority level; per tenant a namespace, a ResourceQuota per priority
 * (scoped to that PriorityClass), one for storage, one refusing pods of any other
 * priority, a LimitRange with defaults and a NetworkPolicy. Pure functions of the quotas.
 */
import type { KubernetesObject } from "@kubernetes/client-node"
import {
  MANAGED_LABEL,
  MANAGED_VALUE,
  PLATFORM_LABEL,
  priorityClassName,
  TENANT_LABEL
} from "../shared/naming"
import type { Resources } from "../shared/types"

export interface TenantPlan {
  readonly tenantId: string
  /** Its quota on this cluster, one entry per priority (empty: it holds none here any more). */
  readonly priorities: ReadonlyArray<Resources & { readonly priority: number }>
  /** Tenants whose namespaces may reach this one. */
  readonly peers: ReadonlyArray<string>
}

/** A Kubernetes object with the fields Wharf sets. */
export interface Desired extends KubernetesObject {
  readonly apiVersion: string
  readonly kind: string
  readonly metadata: {
    name: string
    namespace?: string
    labels: Record<string, string>
    annotations?: Record<string, string>
  }
  readonly [field: string]: unknown
}

const managed = (extra: Record<string, string> = {}) => ({ [MANAGED_LABEL]: MANAGED_VALUE, ...extra })

const NETWORK_ANNOTATION = "wharf.io/network-mbps"
export const OTHER_QUOTA = "wharf-other-priorities"
export const STORAGE_QUOTA = "wharf-storage"
const DEFAULTS_LIMITRANGE = "wharf-defaults"
export const ISOLATION_POLICY = "wharf-isolation"

export const priorityClass = (priority: number): Desired => ({
  apiVersion: "scheduling.k8s.io/v1",
  kind: "PriorityClass",
  metadata: { name: priorityClassName(priority), labels: managed() },
  value: priority,
  globalDefault: false,
  preemptionPolicy: "PreemptLowerPriority",
  description: `Wharf quota priority ${priority}`
})

const cpu = (cores: number) => (Number.isInteger(cores) ? String(cores) : `${Math.round(cores * 1000)}m`)
const mib = (n: number) => `${n}Mi`

/** Every object of one tenant on one cluster. */
export const tenantObjects = (plan: TenantPlan): Desired[] => {
  const ns = plan.tenantId
  const labels = managed({ [TENANT_LABEL]: ns })
  const classes = plan.priorities.map((p) => priorityClassName(p.priority))
  const perPriority: Desired[] = plan.priorities.map((p) => ({
    apiVersion: "v1",
    kind: "ResourceQuota",
    metadata: {
      name: priorityClassName(p.priority),
      namespace: ns,
      labels,
      annotations: { [NETWORK_ANNOTATION]: String(p.network) }
    },
    spec: {
      hard: {
        "requests.cpu": cpu(p.cpu),
        "limits.cpu": cpu(p.cpu),
        "requests.memory": mib(p.memory),
        "limits.memory": mib(p.memory)
      },
      scopeSelector: {
        matchExpressions: [
          { scopeName: "PriorityClass", operator: "In", values: [priorityClassName(p.priority)] }
        ]
      }
    }
  }))
  return [
    {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: ns, labels }
    },
    ...perPriority,
    // A PriorityClass-scoped quota may only count pods, so storage (PVCs) has its own.
    {
      apiVersion: "v1",
      kind: "ResourceQuota",
      metadata: { name: STORAGE_QUOTA, namespace: ns, labels },
      spec: { hard: { "requests.storage": mib(plan.priorities.reduce((s, p) => s + p.storage, 0)) } }
    },
    // Pods of a priority the tenant holds no quota for are refused (no pods at all without quota).
    {
      apiVersion: "v1",
      kind: "ResourceQuota",
      metadata: { name: OTHER_QUOTA, namespace: ns, labels },
      spec:
        classes.length > 0
          ? {
              hard: { pods: "0" },
              scopeSelector: {
                matchExpressions: [{ scopeName: "PriorityClass", operator: "NotIn", values: classes }]
              }
            }
          : { hard: { pods: "0" } }
    },
    {
      apiVersion: "v1",
      kind: "LimitRange",
      metadata: { name: DEFAULTS_LIMITRANGE, namespace: ns, labels },
      spec: {
        limits: [
          {
            type: "Container",
            // client-node's serializer knows LimitRangeItem.default by its model name `_default`.
            _default: { cpu: "1", memory: "1Gi" },
            defaultRequest: { cpu: "100m", memory: "256Mi" }
          }
        ]
      }
    },
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: ISOLATION_POLICY, namespace: ns, labels },
      spec: {
        podSelector: {},
        policyTypes: ["Ingress"],
        ingress: [
          {
            // `_from`: client-node's model name for `from` (a plain `from` would be dropped,
            // leaving a rule that lets everyone in).
            _from: [
              { podSelector: {} },
              { namespaceSelector: { matchLabels: { [PLATFORM_LABEL]: "true" } } },
              ...plan.peers.map((peer) => ({ namespaceSelector: { matchLabels: { [TENANT_LABEL]: peer } } }))
            ]
          }
        ]
      }
    }
  ]
}
