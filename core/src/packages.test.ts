import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { builtInPlugins, configuredPlugins, findPluginPackage, wharfRoot } from "./packages"

describe("finding a plugin's package from configuration", () => {
  let project: string
  beforeAll(() => {
    // A deployment folder with a vendor's plugin installed in its node_modules.
    project = mkdtempSync(join(tmpdir(), "wharf-packages-"))
    mkdirSync(join(project, "node_modules", "@acme"), { recursive: true })
    symlinkSync(
      join(wharfRoot, "examples", "vendor-hello"),
      join(project, "node_modules", "@acme", "wharf-plugin-hello")
    )
    mkdirSync(join(project, "node_modules", "left-pad"))
    writeFileSync(join(project, "node_modules", "left-pad", "package.json"), '{ "name": "left-pad" }')
  })
  afterAll(() => rmSync(project, { recursive: true, force: true }))

  it("enables Wharf's own plugins when configuration names none, without test or example plugins", () => {
    expect(builtInPlugins()).toEqual(expect.arrayContaining(["identity", "helpdesk", "knowledge-base"]))
    expect(builtInPlugins()).not.toContain("contract-test")
    expect(builtInPlugins()).not.toContain("hello")
    expect(configuredPlugins({}, {})).toEqual(builtInPlugins())
    expect(configuredPlugins({ WHARF_PLUGINS: "identity, @acme/wharf-plugin-hello" }, {})).toEqual([
      "identity",
      "@acme/wharf-plugin-hello"
    ])
  })

  it("finds Wharf's own plugin by id, with its server and web parts", () => {
    const helpdesk = findPluginPackage("helpdesk", project)
    expect(helpdesk).toMatchObject({ id: "helpdesk", name: "@wharf/plugin-helpdesk" })
    expect(helpdesk.server).toBe(join(wharfRoot, "plugins", "helpdesk", "src", "server", "index.ts"))
    expect(helpdesk.web).toBe(join(wharfRoot, "plugins", "helpdesk", "src", "web", "index.ts"))
  })

  it("finds a package installed in node_modules by its name", () => {
    const hello = findPluginPackage("@acme/wharf-plugin-hello", project)
    expect(hello).toMatchObject({
      id: "hello",
      dir: join(project, "node_modules", "@acme", "wharf-plugin-hello")
    })
  })

  it("finds a package by a path relative to the configuration", () => {
    const hello = findPluginPackage("./node_modules/@acme/wharf-plugin-hello", project)
    expect(hello.id).toBe("hello")
  })

  it("finds a workspace package by its name", () => {
    expect(findPluginPackage("@wharf/fixture-test-plugin", project).id).toBe("contract-test")
  })

  it("stops with one line naming a package that is not a plugin, or a name nothing answers to", () => {
    expect(() => findPluginPackage("left-pad", project)).toThrow(
      /Plugin "left-pad": .*package\.json is not a Wharf plugin \(it has no "wharf": \{ "id": \.\.\. \}\)/
    )
    expect(() => findPluginPackage("helpdeks", project)).toThrow(
      /^Unknown plugin "helpdeks": not one of Wharf's/
    )
    expect(() => findPluginPackage("./nowhere", project)).toThrow(/Plugin "\.\/nowhere": no package\.json in/)
  })
})
