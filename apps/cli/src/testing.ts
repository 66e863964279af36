/**
 * @module What the CLI suites share: a demo Wharf served on a loopback port (the CLI speaks
 * HTTP like any client), a credentials file of the suite's own, and the CLI run in-process.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { serve } from "@hono/node-server"
import { testBackends } from "@wharf/core/testing"
import { startTestWharf, type TestWharf } from "@wharf/server/testing"
import { run } from "./main"

export interface CliSuite {
  readonly wharf: TestWharf
  readonly url: string
  /** The credentials file's folder. */
  readonly dir: string
  /** `wharf <args>`: its exit code and what it printed. */
  readonly cli: (...args: string[]) => Promise<{ code: number; text: string }>
  readonly stop: () => Promise<void>
}

export const startCliSuite = async (plugins: ReadonlyArray<string>): Promise<CliSuite> => {
  const wharf = await startTestWharf({ backend: testBackends()[0]!, plugins, demo: true })
  const server = serve({ fetch: wharf.app.fetch, port: 0, hostname: "127.0.0.1" })
  await new Promise((r) => server.once("listening", r))
  const address = server.address()
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`
  const dir = mkdtempSync(join(tmpdir(), "wharf-cli-"))
  process.env.WHARF_CLI_CONFIG = join(dir, "credentials.json")
  return {
    wharf,
    url,
    dir,
    cli: async (...args) => {
      const lines: string[] = []
      const code = await run(args, (l) => lines.push(l))
      return { code, text: lines.join("\n") }
    },
    stop: async () => {
      await new Promise((r) => server.close(r))
      await wharf.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
