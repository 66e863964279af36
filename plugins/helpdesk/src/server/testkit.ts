/**
 * @module Test helpers: a Wharf with identity and helpdesk and the demo users, signed-in
 * clients for them, and the mails the outbox holds.
 */

import type { TestBackend } from "@wharf/core/testing"
import { startTestWharf, type TestClient, type TestWharf } from "@wharf/server/testing"

export const PASSWORD = "wharf-demo-1"

export const startHelpdesk = (backend: TestBackend, options: { env?: Record<string, string> } = {}) =>
  startTestWharf({ backend, plugins: ["identity", "helpdesk"], demo: true, ...options })

export const signedIn = async (wharf: TestWharf, email: string) => {
  const client = wharf.client()
  await client.signIn(email, PASSWORD)
  return client
}

export const categoryId = async (client: TestClient) => {
  const options = await client.trpc.helpdesk.tickets.options.query()
  if (!options.ok) throw new Error(options.error.message)
  return options.data.categories[0]!.id
}

export const newTicket = async (client: TestClient, extra: Record<string, unknown> = {}) => {
  const r = await client.rest("POST", "/tickets", {
    title: "Inceptor 无法启动",
    severity: "critical",
    categoryId: await categoryId(client),
    description: "Metastore **timeout** <script>alert(1)</script>",
    ...extra
  })
  if (r.status !== 201) throw new Error(`create failed: ${JSON.stringify(r.body)}`)
  return r.body.number as number
}

export const outbox = async (wharf: TestWharf, to: string) =>
  wharf.database.pool<{ subject: string; text_body: string; status: string }[]>`
    select subject, text_body, status from wharf.mail_outbox
    where ${to} = any(to_addresses) order by id`
