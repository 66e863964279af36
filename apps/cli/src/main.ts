#!/usr/bin/env -S npx tsx
/**
 * @module `wharf`: the command line for the main operations, a typed client of the same
 * API the console uses. `wharf help` lists the commands.
 */
import { parseArgs } from "node:util"
import { describeError } from "./client"
import * as commands from "./commands"

const HELP = `wharf — the Wharf command line

  wharf login --url http://localhost:8080 --email you@example.com [--password …]
                               sign in once; keeps an API token (or set WHARF_URL and WHARF_TOKEN)
  wharf logout                 revoke the token and forget it
  wharf whoami                 who the token belongs to
  wharf plugins                the server's enabled plugins
  wharf users [--search s]     users (admins)
  wharf groups [--search s]    groups (admins)
  wharf groups create NAME [--description d]
  wharf groups add-member GROUP EMAIL [--role member|admin]

  --json                       print JSON instead of a table`

const readPassword = async () => {
  if (process.env.WHARF_PASSWORD) return process.env.WHARF_PASSWORD
  process.stderr.write("Password: ")
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer)
    if (chunk.toString().includes("\n")) break
  }
  return Buffer.concat(chunks).toString().split("\n")[0] ?? ""
}

export const run = async (
  argv: ReadonlyArray<string>,
  line: (text: string) => void = console.log
): Promise<number> => {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      url: { type: "string" },
      email: { type: "string" },
      password: { type: "string" },
      search: { type: "string" },
      description: { type: "string", default: "" },
      role: { type: "string", default: "member" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false }
    }
  })
  const out = { line, json: values.json }
  const [command, sub, ...rest] = positionals
  try {
    switch (values.help ? "help" : command) {
      case "login": {
        if (!values.url || !values.email) throw new Error("login needs --url and --email")
        await commands.login(out, {
          url: values.url,
          email: values.email,
          password: values.password ?? (await readPassword())
        })
        return 0
      }
      case "logout":
        await commands.logout(out)
        return 0
      case "whoami":
        await commands.whoami(out)
        return 0
      case "plugins":
        await commands.plugins(out)
        return 0
      case "users":
        await commands.listUsers(out, values.search)
        return 0
      case "groups":
        if (sub === "create" && rest[0]) await commands.createGroup(out, rest[0], values.description)
        else if (sub === "add-member" && rest[0] && rest[1]) {
          if (values.role !== "member" && values.role !== "admin")
            throw new Error("--role is member or admin")
          await commands.addMember(out, rest[0], rest[1], values.role)
        } else if (sub === undefined) await commands.listGroups(out, values.search)
        else throw new Error(`Unknown: wharf groups ${sub}; see wharf help`)
        return 0
      case undefined:
      case "help":
        line(HELP)
        return 0
      default:
        throw new Error(`Unknown command "${command}"; see wharf help`)
    }
  } catch (e) {
    process.stderr.write(`wharf: ${describeError(e)}\n`)
    return 1
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run(process.argv.slice(2)).then((code) => process.exit(code))
}
