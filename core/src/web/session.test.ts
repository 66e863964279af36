import { describe, expect, it } from "vitest"
import type { SessionInfo } from "../console-boot"
import { locale } from "./i18n"
import { entriesFor, navFor, registerPlugins } from "./registry"
import { chooseLocale, refreshSession, signIn, signOut, viewer, viewerHas } from "./session"
import { type SessionClient, sessionClient, sessionHeaders } from "./session-client"

const wei: SessionInfo = {
  user: { id: "u1", email: "li.wei@example.com", name: "李伟", locale: "en", roles: ["user"] },
  groups: []
}

/** A session client that records what the console asked of it. */
const recordingClient = () => {
  const calls: string[] = []
  let signedIn: SessionInfo | null = null
  const client: SessionClient = {
    me: async () => signedIn,
    signIn: async (email, password) => {
      calls.push(`signIn ${email}`)
      if (password !== "right") throw new Error("wrong password")
      signedIn = wei
      return wei
    },
    signOut: async () => {
      calls.push("signOut")
      signedIn = null
    },
    saveLocale: async (l) => {
      calls.push(`saveLocale ${l}`)
    },
    requestHeaders: () => ({ "x-csrf-token": "t0ken" }),
    credentialProcedures: ["accounts.signIn"]
  }
  return { client, calls }
}

describe("the console's session, through whichever plugin owns sessions", () => {
  it("has nobody signed in, and sends no session headers, when no plugin can sign anyone in", async () => {
    registerPlugins([{ id: "kb" }])
    await refreshSession()
    expect(viewer()).toBeNull()
    expect(sessionClient()).toBeNull()
    expect(sessionHeaders()).toEqual({})
    await expect(signIn("li.wei@example.com", "right")).rejects.toThrow(/No enabled plugin signs people in/)
  })

  it("signs in, keeps the profile's language, saves a new one and signs out through the plugin's client", async () => {
    const { client, calls } = recordingClient()
    registerPlugins([{ id: "kb" }, { id: "accounts", session: client }])
    expect(sessionClient()).toBe(client)
    expect(sessionHeaders()).toEqual({ "x-csrf-token": "t0ken" })

    await refreshSession()
    expect(viewer()).toBeNull()
    await expect(signIn("li.wei@example.com", "wrong")).rejects.toThrow("wrong password")
    expect(viewer()).toBeNull()

    await signIn("li.wei@example.com", "right")
    expect(viewer()?.name).toBe("李伟")
    // Pages ask this before they show an admin's or an editor's controls.
    expect(viewerHas("user")).toBe(true)
    expect(viewerHas("admin", "agent")).toBe(false)
    expect(locale()).toBe("en")
    await chooseLocale("zh-CN")
    expect(viewer()?.locale).toBe("zh-CN")
    await signOut()
    expect(viewer()).toBeNull()
    expect(viewerHas("user")).toBe(false)
    expect(calls).toEqual([
      "signIn li.wei@example.com",
      "signIn li.wei@example.com",
      "saveLocale zh-CN",
      "signOut"
    ])
  })

  it("lists a plugin's account entries in the user menu, not the sidebar", () => {
    const list = [
      {
        id: "accounts",
        nav: [
          { path: "/profile", label: "profile", order: 10, section: "account" as const },
          {
            path: "/admin/users",
            label: "users",
            order: 10,
            section: "admin" as const,
            roles: ["admin" as const]
          }
        ]
      }
    ]
    const admin = { ...wei.user, roles: ["admin" as const], groups: [] }
    expect(entriesFor(list, admin, "account").map((e) => e.path)).toEqual(["/profile"])
    expect(navFor(list, admin).map((g) => g.section)).toEqual(["admin"])
    expect(entriesFor(list, null, "account")).toEqual([])
  })
})
