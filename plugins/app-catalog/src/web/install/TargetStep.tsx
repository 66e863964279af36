/**
 * @module Wizard step 1: the tenant to install for (those the user may use), the cluster (where
 * that tenant holds quota) and who may see the app. As the seed's dialog: 取消 and 下一步.
 */
import { Button, Card, ChoiceGroup, EmptyState, Select, t } from "@wharf/core/web"
import { createEffect, Show } from "solid-js"
import type { Visibility } from "../../shared/instances"
import type { Target } from "./draft"
import { type TargetTenant, tenantLabel } from "./targets"

export const TargetStep = (props: {
  tenants: ReadonlyArray<TargetTenant>
  target: Target
  onChange: (target: Target) => void
  onCancel: () => void
  onNext: () => void
}) => {
  const tenant = () => props.tenants.find((x) => x.id === props.target.tenant)
  const clusters = () => tenant()?.clusters ?? []
  // A tenant change keeps the cluster when the new tenant has quota there too.
  createEffect(() => {
    const ids = clusters().map((c) => c.id)
    if (!ids.includes(props.target.cluster) && ids[0] !== undefined)
      props.onChange({ ...props.target, cluster: ids[0] })
  })
  const ready = () => clusters().some((c) => c.id === props.target.cluster)
  return (
    <Card title={t("install.step1")}>
      <Show
        when={props.tenants.length > 0}
        fallback={<EmptyState title={t("install.noTenants")} hint={t("install.noTenantsHint")} />}
      >
        <form
          class="install-target"
          onSubmit={(e) => {
            e.preventDefault()
            if (ready()) props.onNext()
          }}
        >
          <Select
            label={t("install.tenant")}
            options={props.tenants.map((x) => ({
              value: x.id,
              label: x.clusters.length > 0 ? tenantLabel(x) : `${tenantLabel(x)} · ${t("install.noQuota")}`
            }))}
            value={props.target.tenant}
            onChange={(e) => props.onChange({ ...props.target, tenant: e.currentTarget.value })}
          />
          <Select
            label={t("install.cluster")}
            options={clusters().map((c) => ({ value: c.id, label: c.name }))}
            value={props.target.cluster}
            disabled={clusters().length === 0}
            error={clusters().length === 0 ? t("install.noQuotaHint") : undefined}
            onChange={(e) => props.onChange({ ...props.target, cluster: e.currentTarget.value })}
          />
          <ChoiceGroup<Visibility>
            legend={t("install.visibility")}
            type="radio"
            options={[
              { value: "all", label: t("install.visibility.all") },
              { value: "tenant", label: t("install.visibility.tenant") }
            ]}
            selected={[props.target.visibility]}
            onChange={(value) => props.onChange({ ...props.target, visibility: value })}
            hint={t("install.visibilityHint")}
          />
          <div class="install-actions">
            <Button onClick={() => props.onCancel()}>{t("common.cancel")}</Button>
            <Button type="submit" variant="primary" disabled={!ready()}>
              {t("install.next")}
            </Button>
          </div>
        </form>
      </Show>
    </Card>
  )
}
