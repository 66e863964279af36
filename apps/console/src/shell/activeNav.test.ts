import { describe, expect, it } from "vitest"
import { activeNavPath } from "./activeNav"

describe("the navigation entry a page belongs to", () => {
  const entries = ["/kb", "/kb/editor", "/tickets", "/support", "/support/tickets", "/support/faq"]

  it("is the entry of the page itself, and of the pages under it", () => {
    expect(activeNavPath(entries, "/tickets")).toBe("/tickets")
    expect(activeNavPath(entries, "/tickets/10022")).toBe("/tickets")
    expect(activeNavPath(entries, "/kb/articles/7")).toBe("/kb")
  })

  it("is the most specific entry when several contain the page", () => {
    expect(activeNavPath(entries, "/support/tickets/10001")).toBe("/support/tickets")
    expect(activeNavPath(entries, "/kb/editor/new")).toBe("/kb/editor")
    expect(activeNavPath(entries, "/support")).toBe("/support")
  })

  it("matches whole path segments only, and nothing for a page outside the navigation", () => {
    expect(activeNavPath(entries, "/kbx")).toBeUndefined()
    expect(activeNavPath(entries, "/supported")).toBeUndefined()
    expect(activeNavPath(entries, "/")).toBeUndefined()
  })
})
