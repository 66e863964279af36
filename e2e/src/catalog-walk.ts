/**
 * @module Helpers of the catalog walkthroughs' browser suites: calls to Wharf's REST API from
 * the signed-in page (its session cookie and CSRF token), and a quota so the admin's own
 * tenant may install on the default cluster, as an admin would create one first (seed 5.4).
 */
import type { Page } from "playwright-core"

export const ADMIN = { email: "admin@wharf.test", password: "admin-password-1" }

/** A REST call as the page's user; the answer's status and JSON body. */
export const callApi = (page: Page, method: string, path: string, body?: unknown) =>
  page.evaluate(
    async ([method, path, body]) => {
      const token = /(?:^|; )wharf_csrf=([^;]+)/.exec(document.cookie)?.[1]
      const res = await fetch(path as string, {
        method: method as string,
        credentials: "include",
        headers: {
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...(token ? { "x-csrf-token": decodeURIComponent(token) } : {})
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) })
      })
      const text = await res.text()
      return { status: res.status, body: text ? JSON.parse(text) : null }
    },
    [method, path, body] as const
  )

/** The default (simulated) cluster's id. */
export const defaultClusterId = async (page: Page): Promise<string> => {
  const res = await callApi(page, "GET", "/api/v1/clusters")
  const items = (res.body as { items: Array<{ id: string; name: string }> }).items
  return (items.find((c) => c.name === "default") ?? items[0]!).id
}

/** A quota at priority 0 for the user on the default cluster (kept when one exists). */
export const ensureQuota = async (page: Page, email: string) => {
  const clusterId = await defaultClusterId(page)
  const res = await callApi(page, "POST", "/api/v1/quotas", {
    type: "user",
    subject: email,
    clusterId,
    priority: 0,
    cpu: 64,
    memory: 262_144,
    // HDFS's DataNodes ask 100 GiB each.
    storage: 4_000_000
  })
  if (res.status !== 201 && res.status !== 409)
    throw new Error(`quota: ${res.status} ${JSON.stringify(res.body)}`)
  return clusterId
}

/** The console's language, saved on the profile (switch back at the end: suites share the admin). */
export const chooseLanguage = async (page: Page, name: "English" | "中文") => {
  await page.getByRole("button", { name: /用户菜单|User menu/ }).click()
  const saved = page.waitForResponse((r) => r.url().includes("identity.profile.setLocale"))
  await page.getByRole("menuitemradio", { name }).click()
  await saved
}

/** The user's own tenant (`u-…`), as the wizard's first choice. */
export const ownTenantId = async (page: Page, email: string): Promise<string> => {
  const res = await callApi(page, "GET", "/api/v1/tenants/mine")
  const tenants = (res.body as { tenants: Array<{ id: string; kind: string; name: string }> }).tenants
  return tenants.find((t) => t.kind === "user" && t.name === email)!.id
}
