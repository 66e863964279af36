/**
 * @module The console's language: zh-CN first, English switchable. Messages come from
 * the shell and every enabled plugin; a missing key falls back to English, then to the key.
 */
import { createSignal } from "solid-js"
import type { Locale } from "../roles"
import type { Messages } from "./plugin"

const STORAGE_KEY = "wharf.locale"

const initialLocale = (): Locale => {
  const saved = typeof localStorage === "undefined" ? null : localStorage.getItem(STORAGE_KEY)
  if (saved === "zh-CN" || saved === "en") return saved
  const nav = typeof navigator === "undefined" ? "zh-CN" : navigator.language
  return nav.toLowerCase().startsWith("en") ? "en" : "zh-CN"
}

const [locale, setLocaleSignal] = createSignal<Locale>(initialLocale())
const catalog: Record<Locale, Record<string, string>> = { "zh-CN": {}, en: {} }
const [version, bump] = createSignal(0)

export { locale }

/** Switch the language for this browser; the shell also saves it on the user's profile. */
export const setLocale = (next: Locale) => {
  setLocaleSignal(next)
  if (typeof localStorage !== "undefined") localStorage.setItem(STORAGE_KEY, next)
  if (typeof document !== "undefined") document.documentElement.lang = next
}

export const addMessages = (messages: Messages) => {
  Object.assign(catalog["zh-CN"], messages["zh-CN"])
  Object.assign(catalog.en, messages.en)
  bump((v) => v + 1)
}

/** The message for `key` in the current language, with `{name}` placeholders filled. */
export const t = (key: string, params?: Record<string, string | number>): string => {
  version()
  const text = catalog[locale()][key] ?? catalog.en[key] ?? key
  return params
    ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m))
    : text
}

/**
 * The message for `count` of something: `key.one`, `key.other`… as the current language's
 * plural rules choose (English "1 core", "2 cores"), else `key` itself (Chinese has one form).
 * `{count}` is filled with `count`.
 */
export const tPlural = (key: string, count: number, params?: Record<string, string | number>): string => {
  const form = `${key}.${new Intl.PluralRules(locale()).select(count)}`
  return t(form in catalog[locale()] ? form : key, { count, ...params })
}

/** True when the current language (or English) has a message for `key`. */
export const hasMessage = (key: string): boolean => {
  version()
  return key in catalog[locale()] || key in catalog.en
}

/** Dates and numbers in the current language. */
export const formatDateTime = (iso: string) =>
  new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso))
/** A calendar date ("2025年10月20日", "Oct 20, 2025"); `YYYY-MM-DD` is read as that day, not UTC midnight. */
export const formatDate = (isoOrDay: string) =>
  new Intl.DateTimeFormat(locale(), {
    dateStyle: "medium",
    ...(/^\d{4}-\d{2}-\d{2}$/.test(isoOrDay) ? { timeZone: "UTC" } : {})
  }).format(new Date(/^\d{4}-\d{2}-\d{2}$/.test(isoOrDay) ? `${isoOrDay}T00:00:00Z` : isoOrDay))
export const formatNumber = (n: number) => new Intl.NumberFormat(locale()).format(n)

const UNITS: ReadonlyArray<readonly [Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1]
]

/** "3 分钟前" / "3 minutes ago" (or "in 2 days"), for times near now; `now` for tests. */
export const formatRelativeTime = (iso: string, now: number = Date.now()) => {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000)
  const format = new Intl.RelativeTimeFormat(locale(), { numeric: "auto" })
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === "second") return format.format(Math.trunc(seconds / size), unit)
  }
  return format.format(0, "second")
}
