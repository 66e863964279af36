import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { messages } from "./messages"

const zh = Object.keys(messages["zh-CN"]).sort()
const en = Object.keys(messages.en).sort()

/** Every literal `identity.*` key in the console sources (templated ones are listed by hand). */
const usedKeys = () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? files(join(dir, e.name))
        : /\.tsx?$/.test(e.name) && !/\.test\./.test(e.name)
          ? [join(dir, e.name)]
          : []
    )
  const keys = new Set<string>()
  for (const file of files(import.meta.dirname)) {
    for (const m of readFileSync(file, "utf8").matchAll(/"(identity\.[\w.-]+)"/g)) keys.add(m[1]!)
  }
  for (const r of ["admin", "agent", "user"]) keys.add(`identity.role.${r}`)
  for (const r of ["member", "admin"]) keys.add(`identity.groupRole.${r}`)
  for (const l of ["zh-CN", "en"]) keys.add(`identity.locale.${l}`)
  // A procedure's path (session.ts names sign-in for core's session client), not a message.
  keys.delete("identity.session.signIn")
  return [...keys].sort()
}

describe("identity messages", () => {
  it("zh-CN and en have the same keys", () => {
    expect(en).toEqual(zh)
  })
  it("every key the pages use exists", () => {
    expect(usedKeys().filter((k) => !zh.includes(k))).toEqual([])
  })
  it("both languages use the same {placeholders} in each message", () => {
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    const zhMessages: Record<string, string> = messages["zh-CN"]
    const enMessages: Record<string, string> = messages.en
    for (const key of zh) expect([key, holes(zhMessages[key]!)]).toEqual([key, holes(enMessages[key]!)])
  })
})
