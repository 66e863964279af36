/**
 * @module "Add cluster": name, owner (current user or a tenant), registry, and the
 * connection (a kubeconfig pasted or read from a file, or API URL + token + CA). The
 * server checks the connection before saving and says what is wrong.
 */
import { Button, Dialog, describeError, Select, Textarea, TextInput, t, toast } from "@wharf/core/web"
import { createSignal, Show } from "solid-js"
import type { ClusterSummary } from "../../shared/types"
import { api } from "../api"

export const AddClusterDialog = (props: {
  open: boolean
  onClose: () => void
  onAdded: (c: ClusterSummary) => void
}) => {
  const [name, setName] = createSignal("")
  const [how, setHow] = createSignal<"kubeconfig" | "token">("kubeconfig")
  const [kubeconfig, setKubeconfig] = createSignal("")
  const [context, setContext] = createSignal("")
  const [server, setServer] = createSignal("")
  const [token, setToken] = createSignal("")
  const [ca, setCa] = createSignal("")
  const [insecure, setInsecure] = createSignal(false)
  const [ownerKind, setOwnerKind] = createSignal<"self" | "tenant">("self")
  const [tenant, setTenant] = createSignal("")
  const [registryKind, setRegistryKind] = createSignal<"default" | "custom">("default")
  const [registry, setRegistry] = createSignal("")
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<string>()
  const [issues, setIssues] = createSignal<Record<string, string>>({})

  const readFile = async (e: Event) => {
    const file = (e.currentTarget as HTMLInputElement).files?.[0]
    if (file) setKubeconfig(await file.text())
  }

  const submit = async (e: SubmitEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(undefined)
    setIssues({})
    try {
      const added = await api.register.mutate({
        name: name().trim(),
        ...(ownerKind() === "tenant" ? { owner: tenant().trim() } : {}),
        ...(registryKind() === "custom" ? { registry: registry().trim() } : {}),
        connection:
          how() === "kubeconfig"
            ? {
                kind: "kubeconfig",
                kubeconfig: kubeconfig(),
                ...(context().trim() ? { context: context().trim() } : {})
              }
            : {
                kind: "token",
                server: server().trim(),
                token: token().trim(),
                ...(ca().trim() ? { ca: ca() } : {}),
                insecureSkipTlsVerify: insecure()
              }
      })
      toast(t("clusters.added", { name: added.name }))
      props.onAdded(added)
      props.onClose()
    } catch (err) {
      const data = (err as { data?: { issues?: Array<{ path: string; message: string }> } }).data
      const byPath = Object.fromEntries(
        (data?.issues ?? []).map((i) => [i.path.split(".").pop() ?? i.path, i.message])
      )
      setIssues(byPath)
      if (Object.keys(byPath).length === 0 || byPath.connection) setError(describeError(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog
      open={props.open}
      title={t("clusters.add")}
      onClose={props.onClose}
      footer={
        <>
          <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
          <Button variant="primary" type="submit" form="add-cluster" loading={busy()}>
            {busy() ? t("clusters.form.checking") : t("clusters.form.submit")}
          </Button>
        </>
      }
    >
      <form id="add-cluster" class="form-stack" onSubmit={submit}>
        <TextInput
          label={t("clusters.name")}
          required
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
          error={issues().name}
        />
        <Select
          label={t("clusters.form.ownerKind")}
          value={ownerKind()}
          onChange={(e) => setOwnerKind(e.currentTarget.value as "self" | "tenant")}
          options={[
            { value: "self", label: t("clusters.form.ownerSelf") },
            { value: "tenant", label: t("clusters.form.ownerTenant") }
          ]}
        />
        <Show when={ownerKind() === "tenant"}>
          <TextInput
            label={t("clusters.form.tenant")}
            required
            value={tenant()}
            onInput={(e) => setTenant(e.currentTarget.value)}
            error={issues().owner}
          />
        </Show>
        <Select
          label={t("clusters.registry")}
          value={registryKind()}
          onChange={(e) => setRegistryKind(e.currentTarget.value as "default" | "custom")}
          options={[
            { value: "default", label: t("clusters.form.registryDefault") },
            { value: "custom", label: t("clusters.form.registryCustom") }
          ]}
        />
        <Show when={registryKind() === "custom"}>
          <TextInput
            label={t("clusters.form.registryAddress")}
            required
            placeholder="registry.example.com:5000"
            value={registry()}
            onInput={(e) => setRegistry(e.currentTarget.value)}
            error={issues().registry}
          />
        </Show>
        <Select
          label={t("clusters.form.how")}
          value={how()}
          onChange={(e) => setHow(e.currentTarget.value as "kubeconfig" | "token")}
          options={[
            { value: "kubeconfig", label: t("clusters.form.kubeconfig") },
            { value: "token", label: t("clusters.form.token") }
          ]}
        />
        <Show
          when={how() === "kubeconfig"}
          fallback={
            <>
              <TextInput
                label={t("clusters.form.server")}
                required
                placeholder="https://10.0.0.1:6443"
                value={server()}
                onInput={(e) => setServer(e.currentTarget.value)}
                error={issues().server}
              />
              <TextInput
                label={t("clusters.form.tokenText")}
                required
                type="password"
                autocomplete="off"
                value={token()}
                onInput={(e) => setToken(e.currentTarget.value)}
                error={issues().token}
              />
              <Textarea
                label={t("clusters.form.ca")}
                rows={4}
                class="input textarea mono"
                value={ca()}
                onInput={(e) => setCa(e.currentTarget.value)}
                error={issues().ca}
              />
              <label class="checkbox">
                <input
                  type="checkbox"
                  checked={insecure()}
                  onChange={(e) => setInsecure(e.currentTarget.checked)}
                />
                {t("clusters.form.insecure")}
              </label>
            </>
          }
        >
          <Textarea
            label={t("clusters.form.kubeconfigText")}
            hint={t("clusters.form.kubeconfigHint")}
            required
            rows={8}
            class="input textarea mono"
            value={kubeconfig()}
            onInput={(e) => setKubeconfig(e.currentTarget.value)}
            error={issues().kubeconfig}
          />
          <label class="file-pick">
            {t("clusters.form.file")}
            <input type="file" accept=".yaml,.yml,.conf,.config,text/yaml,*/*" onChange={readFile} />
          </label>
          <TextInput
            label={t("clusters.form.context")}
            hint={t("clusters.form.contextHint")}
            value={context()}
            onInput={(e) => setContext(e.currentTarget.value)}
            error={issues().context}
          />
        </Show>
        <Show when={error()}>
          <div class="notice notice-error" role="alert">
            {error()}
          </div>
        </Show>
      </form>
    </Dialog>
  )
}
