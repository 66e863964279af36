/**
 * @module The signed-in viewer, as the server reports it (`identity.session.me`).
 */
import { createSignal } from "solid-js"
import type { SessionInfo } from "../console-boot"
import type { Locale, Viewer } from "../roles"
import { onSessionLost, pluginApi } from "./api"
import { locale, setLocale } from "./i18n"

type SessionApi = {
  session: {
    me: { query: () => Promise<SessionInfo | null> }
    signIn: { mutate: (input: { email: string; password: string }) => Promise<SessionInfo> }
    signOut: { mutate: () => Promise<unknown> }
  }
  profile: { setLocale: { mutate: (input: { locale: Locale }) => Promise<unknown> } }
}

// Typed structurally: core cannot import the identity plugin.
const identity = () => pluginApi<any>("identity") as unknown as SessionApi

const [viewer, setViewer] = createSignal<Viewer | null>(null)
const [ready, setReady] = createSignal(false)

const [ended, setEnded] = createSignal(false)

/** True after the server ended a session this console thought was open (until the next sign-in). */
export { ended as sessionEnded, ready as sessionReady, viewer }

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

/** Start with the session the page came with (the server wrote it into index.html). */
export const resumeSession = (info: SessionInfo | null) => {
  adopt(info)
  setReady(true)
}

/** Ask the server who is signed in (at start when the page did not say; after sign-in/out). */
export const refreshSession = async (identityEnabled: boolean) => {
  try {
    adopt(identityEnabled ? await identity().session.me.query() : null)
  } finally {
    setReady(true)
  }
}

export const signIn = async (email: string, password: string) => {
  const v = adopt(await identity().session.signIn.mutate({ email, password }))
  setEnded(false)
  return v
}

export const signOut = async () => {
  await identity().session.signOut.mutate()
  setViewer(null)
  setEnded(false)
}

/** Change the language now, and remember it on the profile when signed in. */
export const chooseLocale = async (next: Locale) => {
  setLocale(next)
  const v = viewer()
  if (v) {
    setViewer({ ...v, locale: next })
    await identity().profile.setLocale.mutate({ locale: next })
  }
}
