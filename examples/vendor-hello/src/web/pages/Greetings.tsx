import { Button, Card, createSubmit, ErrorNotice, Page, Table, TextInput, t } from "@wharf/core/web"
import { createResource, createSignal, Show } from "solid-js"
import { api } from "../api"

export default function Greetings() {
  const [greetings, { refetch }] = createResource(() => api.greetings.list.query())
  const [message, setMessage] = createSignal("")
  // The house way to save: busy while it runs, the server's complaint shown by its field.
  const submit = createSubmit()
  const add = (e: SubmitEvent) => {
    e.preventDefault()
    void submit.run(async () => {
      await api.greetings.add.mutate({ message: message() })
      setMessage("")
      await refetch()
    })
  }
  return (
    <Page title={t("hello.title")}>
      <Card>
        <form onSubmit={add}>
          <TextInput
            label={t("hello.message")}
            value={message()}
            onInput={(e) => setMessage(e.currentTarget.value)}
            error={submit.issue("message") ?? submit.failure()}
          />
          <Button type="submit" variant="primary" loading={submit.busy()}>
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
