/**
 * @module The signed-in viewer, as the session client reports it (see `session-client.ts`).
 */
import { createSignal } from "solid-js"
import type { SessionInfo } from "../console-boot"
import { hasRole, type Locale, type Role, type Viewer } from "../roles"
import { onSessionLost } from "./api"
import { locale, setLocale } from "./i18n"
import { sessionClient } from "./session-client"

const [viewer, setViewer] = createSignal<Viewer | null>(null)
const [ready, setReady] = createSignal(false)

const [ended, setEnded] = createSignal(false)

/** True after the server ended a session this console thought was open (until the next sign-in). */
export { ended as sessionEnded, ready as sessionReady, viewer }

/** Whether someone is signed in with one of `roles`: what a page asks before it shows an
 * admin's or an editor's controls (reactive, like `viewer`). */
export const viewerHas = (...roles: ReadonlyArray<Role>): boolean => {
  const v = viewer()
  return v !== null && hasRole(v, ...roles)
}

onSessionLost(() => {
  if (!viewer()) return
  setViewer(null)
  setEnded(true)
})

const toViewer = (info: SessionInfo | null): Viewer | null =>
  info ? { ...info.user, groups: info.groups } : null

const adopt = (info: SessionInfo | null) => {
  const v = toViewer(info)
  setViewer(v)
  // The language saved on the profile wins over the browser's.
  if (v && v.locale !== locale()) setLocale(v.locale)
  return v
}

const client = () => {
  const c = sessionClient()
  if (!c) throw new Error("No enabled plugin signs people in")
  return c
}

/** Start with the session the page came with (the server wrote it into index.html). */
export const resumeSession = (info: SessionInfo | null) => {
  adopt(info)
  setReady(true)
}

/**
 * Ask the server who is signed in (at start when the page did not say, once the plugins
 * are registered; after sign-in/out). Without a session client nobody is.
 */
export const refreshSession = async () => {
  try {
    const c = sessionClient()
    adopt(c ? await c.me() : null)
  } finally {
    setReady(true)
  }
}

export const signIn = async (email: string, password: string) => {
  const v = adopt(await client().signIn(email, password))
  setEnded(false)
  return v
}

export const signOut = async () => {
  await client().signOut()
  setViewer(null)
  setEnded(false)
}

/** Change the language now, and remember it on the profile when signed in. */
export const chooseLocale = async (next: Locale) => {
  setLocale(next)
  const v = viewer()
  if (v) {
    setViewer({ ...v, locale: next })
    await client().saveLocale(next)
  }
}
