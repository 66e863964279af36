// @vitest-environment jsdom
import { describe, expect, it } from "vitest"
import { setLocale } from "./i18n"

describe("choosing a language in the browser", () => {
  it("sets <html lang> and remembers the choice for the next visit", () => {
    setLocale("en")
    expect(document.documentElement.lang).toBe("en")
    expect(localStorage.getItem("wharf.locale")).toBe("en")
    setLocale("zh-CN")
    expect(document.documentElement.lang).toBe("zh-CN")
    expect(localStorage.getItem("wharf.locale")).toBe("zh-CN")
  })
})
