/**
 * @module The CLI's commands. Each prints a table or a line for people, or JSON with `--json`.
 */
import { apiClient, CliError } from "./client"
import { type Credentials, forgetCredentials, readCredentials, saveCredentials } from "./credentials"

export interface Output {
  readonly line: (text: string) => void
  readonly json: boolean
}

export const table = (
  out: Output,
  rows: ReadonlyArray<Record<string, unknown>>,
  columns: ReadonlyArray<string>
) => {
  if (out.json) return out.line(JSON.stringify(rows, null, 2))
  if (rows.length === 0) return out.line("(none)")
  const cell = (v: unknown) => (Array.isArray(v) ? v.join(",") : String(v ?? ""))
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)))
  const format = (values: ReadonlyArray<string>) =>
    values
      .map((v, i) => v.padEnd(widths[i]!))
      .join("  ")
      .trimEnd()
  out.line(format(columns.map((c) => c.toUpperCase())))
  for (const r of rows) out.line(format(columns.map((c) => cell(r[c]))))
}

export const signedIn = (): Credentials => {
  const c = readCredentials()
  if (!c) throw new CliError("Not signed in: run `wharf login --url <server> --email <you>` first")
  return c
}

/** Sign in with email and password once, then keep only a named API token. */
export const login = async (out: Output, args: { url: string; email: string; password: string }) => {
  const url = args.url.replace(/\/+$/, "")
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: args.email, password: args.password })
  })
  const body = (await res.json()) as { error?: { message: string }; csrfToken?: string }
  if (!res.ok) throw new CliError(body.error?.message ?? `sign-in failed (${res.status})`)
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ")
  const created = await fetch(`${url}/trpc/identity.tokens.create`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, "x-csrf-token": body.csrfToken ?? "" },
    body: JSON.stringify({ name: `wharf CLI on ${process.env.HOSTNAME ?? "this machine"}` })
  })
  const token = (await created.json()) as {
    result?: { data: { id: string; token: string } }
    error?: { message: string }
  }
  if (!token.result) throw new CliError(token.error?.message ?? "could not create an API token")
  // The browser-style session is not needed any more.
  await fetch(`${url}/api/v1/auth/logout`, {
    method: "POST",
    headers: { cookie, "x-csrf-token": body.csrfToken ?? "" }
  })
  saveCredentials({ url, token: token.result.data.token, tokenId: token.result.data.id, email: args.email })
  out.line(`Signed in to ${url} as ${args.email}`)
}

export const logout = async (out: Output) => {
  const c = readCredentials()
  if (c?.tokenId)
    await apiClient(c)
      .identity.tokens.revoke.mutate({ id: c.tokenId })
      .catch(() => undefined)
  forgetCredentials()
  out.line("Signed out; the API token is revoked")
}

export const whoami = async (out: Output) => {
  const { user } = await apiClient(signedIn()).rest<{
    user: { email: string; name: string; roles: string[]; groups: { name: string }[] }
  }>("GET", "/me")
  if (out.json) return out.line(JSON.stringify(user, null, 2))
  out.line(
    `${user.name} <${user.email}>  roles: ${user.roles.join(", ")}  groups: ${user.groups.map((g) => g.name).join(", ") || "-"}`
  )
}

export const plugins = async (out: Output) => {
  const { plugins } = await apiClient(signedIn()).rest<{
    plugins: { id: string; version: string; description: string | null }[]
  }>("GET", "/plugins")
  table(out, plugins, ["id", "version", "description"])
}

export const listUsers = async (out: Output, search: string | undefined) => {
  const { items, total } = await apiClient(signedIn()).identity.users.list.query({
    search,
    limit: 200,
    offset: 0
  })
  table(out, items, ["email", "name", "roles", "disabled"])
  if (!out.json && total > items.length) out.line(`(${items.length} of ${total}; narrow with --search)`)
}

export const listGroups = async (out: Output, search: string | undefined) => {
  const { items } = await apiClient(signedIn()).identity.groups.list.query({ search, limit: 200, offset: 0 })
  table(out, items, ["name", "memberCount", "description"])
}

export const createGroup = async (out: Output, name: string, description: string) => {
  const group = await apiClient(signedIn()).identity.groups.create.mutate({ name, description })
  out.line(out.json ? JSON.stringify(group, null, 2) : `Created group ${group.name}`)
}

export const addMember = async (out: Output, group: string, email: string, role: "member" | "admin") => {
  const api = apiClient(signedIn())
  const { items } = await api.identity.groups.list.query({ search: group, limit: 200, offset: 0 })
  const found = items.find((g) => g.name === group)
  if (!found) throw new CliError(`No group named ${group}`)
  await api.identity.groups.addMember.mutate({ groupId: found.id, email, role })
  out.line(`Added ${email} to ${group} as ${role}`)
}
