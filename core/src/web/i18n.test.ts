import { describe, expect, it } from "vitest"
import { addMessages, formatRelativeTime, locale, setLocale, t, tPlural } from "./i18n"

addMessages({
  "zh-CN": { "greet.hello": "{name}，你好", "only.both": "两种语言都有" },
  en: { "greet.hello": "Hello, {name}", "only.both": "In both", "only.en": "Only in English" }
})

describe("the console's language", () => {
  it("speaks Chinese when the user chose Chinese", () => {
    setLocale("zh-CN")
    expect(locale()).toBe("zh-CN")
    expect(t("only.both")).toBe("两种语言都有")
  })

  it("falls back to English when a Chinese message is missing, then to the key", () => {
    setLocale("zh-CN")
    expect(t("only.en")).toBe("Only in English")
    expect(t("nobody.wrote.this")).toBe("nobody.wrote.this")
  })

  it("fills placeholders, and leaves unknown ones as written", () => {
    setLocale("en")
    expect(t("greet.hello", { name: "Li Wei" })).toBe("Hello, Li Wei")
    setLocale("zh-CN")
    expect(t("greet.hello", { name: "李伟" })).toBe("李伟，你好")
    expect(t("greet.hello", { other: 1 })).toBe("{name}，你好")
  })

  it("lets a plugin registered later add keys without losing earlier ones", () => {
    addMessages({ "zh-CN": { "later.key": "后来的" }, en: { "later.key": "Later" } })
    setLocale("zh-CN")
    expect(t("later.key")).toBe("后来的")
    expect(t("only.both")).toBe("两种语言都有")
  })

  it("says one and many as the language does: 1 core, 2 cores, 1 核", () => {
    addMessages({
      "zh-CN": { "n.cores": "{count} 核" },
      en: { "n.cores.one": "{count} core", "n.cores.other": "{count} cores" }
    })
    setLocale("en")
    expect([tPlural("n.cores", 1), tPlural("n.cores", 2), tPlural("n.cores", 1.5)]).toEqual([
      "1 core",
      "2 cores",
      "1.5 cores"
    ])
    setLocale("zh-CN")
    expect(tPlural("n.cores", 1)).toBe("1 核")
  })

  it("says how long ago something happened, in the user's language", () => {
    const now = Date.parse("2026-11-23T10:00:00Z")
    setLocale("en")
    expect(formatRelativeTime("2026-11-23T09:57:00Z", now)).toBe("3 minutes ago")
    expect(formatRelativeTime("2026-11-22T10:00:00Z", now)).toBe("yesterday")
    expect(formatRelativeTime("2026-11-23T10:00:00Z", now)).toBe("now")
    setLocale("zh-CN")
    expect(formatRelativeTime("2026-11-23T09:57:00Z", now)).toBe("3分钟前")
    expect(formatRelativeTime("2026-11-25T10:00:00Z", now)).toBe("后天")
  })
})
