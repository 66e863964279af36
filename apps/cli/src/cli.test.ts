import { existsSync, readFileSync, statSync } from "node:fs"
import { ADMIN } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type CliSuite, startCliSuite } from "./testing"

describe("the wharf command line", () => {
  let suite: CliSuite
  const wharfCli = (...args: string[]) => suite.cli(...args)

  beforeAll(async () => {
    suite = await startCliSuite(["identity"])
  })
  afterAll(() => suite?.stop())

  it("logs in once and keeps only an API token, readable by its owner alone", async () => {
    const { code, text } = await wharfCli(
      "login",
      "--url",
      suite.url,
      "--email",
      ADMIN.email,
      "--password",
      ADMIN.password
    )
    expect(code).toBe(0)
    expect(text).toBe(`Signed in to ${suite.url} as ${ADMIN.email}`)
    const saved = JSON.parse(readFileSync(process.env.WHARF_CLI_CONFIG!, "utf8"))
    expect(saved.token).toMatch(/^wharf_/)
    expect(JSON.stringify(saved)).not.toContain(ADMIN.password)
    expect(statSync(process.env.WHARF_CLI_CONFIG!).mode & 0o777).toBe(0o600)
  })

  it("says who it is and lists users as a table", async () => {
    expect((await wharfCli("whoami")).text).toMatch(
      /^Administrator <admin@wharf.test> {2}roles: admin, agent, user/
    )
    const users = await wharfCli("users", "--search", "example.com")
    expect(users.text.split("\n")[0]).toMatch(/^EMAIL\s+NAME\s+ROLES\s+DISABLED$/)
    expect(users.text).toContain("li.wei@example.com")
  })

  it("creates a group and adds a member, then lists it as JSON", async () => {
    expect((await wharfCli("groups", "create", "cli-team", "--description", "命令行")).text).toBe(
      "Created group cli-team"
    )
    expect(
      (await wharfCli("groups", "add-member", "cli-team", "li.wei@example.com", "--role", "admin")).code
    ).toBe(0)
    const groups = JSON.parse((await wharfCli("groups", "--search", "cli-team", "--json")).text)
    expect(groups).toEqual([
      expect.objectContaining({ name: "cli-team", memberCount: 1, description: "命令行" })
    ])
  })

  it("reports the server's message and exits 1 on a refused change", async () => {
    const dup = await wharfCli("groups", "create", "cli-team")
    expect(dup.code).toBe(1)
  })

  it("logs out by revoking the token", async () => {
    const token = JSON.parse(readFileSync(process.env.WHARF_CLI_CONFIG!, "utf8")).token
    expect((await wharfCli("logout")).code).toBe(0)
    expect(existsSync(process.env.WHARF_CLI_CONFIG!)).toBe(false)
    const me = await fetch(`${suite.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })
    expect(me.status).toBe(401)
    expect((await wharfCli("whoami")).code).toBe(1)
  })
})
