import { Button, Card, ErrorNotice, errorMessage, Page, Table, TextInput, t } from "@wharf/core/web"
import { createResource, createSignal, Show } from "solid-js"
import { api } from "../api"

export default function Greetings() {
  const [greetings, { refetch }] = createResource(() => api.greetings.list.query())
  const [message, setMessage] = createSignal("")
  const [error, setError] = createSignal<string>()
  const add = async (e: SubmitEvent) => {
    e.preventDefault()
    try {
      await api.greetings.add.mutate({ message: message() })
      setMessage("")
      setError(undefined)
      await refetch()
    } catch (err) {
      setError(errorMessage(err))
    }
  }
  return (
    <Page title={t("hello.title")}>
      <Card>
        <form onSubmit={add}>
          <TextInput
            label={t("hello.message")}
            value={message()}
            onInput={(e) => setMessage(e.currentTarget.value)}
            error={error()}
          />
          <Button type="submit" variant="primary">
            {t("hello.add")}
          </Button>
        </form>
      </Card>
      <div style={{ "margin-top": "16px" }}>
        <Show when={!greetings.error} fallback={<ErrorNotice error={greetings.error} onRetry={refetch} />}>
          <Table
            columns={[
              { header: t("hello.message"), cell: (g) => g.message },
              { header: t("hello.author"), cell: (g) => g.author }
            ]}
            rows={greetings()}
            loading={greetings.loading}
            empty={{ title: t("hello.empty") }}
          />
        </Show>
      </div>
    </Page>
  )
}
