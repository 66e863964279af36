import { describe, expect, it } from "vitest"
import { plainText, snippet } from "./text"

describe("plain text for snippets", () => {
  it("keeps angle-bracket placeholders a reader must type, and drops real markup", () => {
    const text = plainText(
      "Test the port: `nc -vz <host> 6379`, then `beeline -u jdbc:hive2://<host>:10000`.\n\n" +
        "> Note: <b>restart</b> the <span class=x>client</span><br/> after <https://wharf.example.com/a>."
    )
    expect(text).toContain("nc -vz <host> 6379")
    expect(text).toContain("jdbc:hive2://<host>:10000")
    expect(text).toContain("Note: restart the client after https://wharf.example.com/a.")
    expect(text).not.toMatch(/<\/?(b|span|br)/)
  })

  it("a snippet around a hit is text with the placeholder in it", () => {
    const parts = snippet(plainText("Run `nc -vz <host> 6379` from the client."), new Set(["nc"]))
    expect(parts.map(([t]) => t).join("")).toBe("Run nc -vz <host> 6379 from the client.")
  })
})
