#!/usr/bin/env -S npx tsx
/**
 * @module `wharf`: the command line for the main operations, a typed client of the same
 * API the console uses. `wharf help` lists the commands.
 */
import { parseArgs } from "node:util"
import * as apps from "./apps"
import { describeError } from "./client"
import * as commands from "./commands"
import * as quotas from "./quotas"

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

  wharf tenants list [--search s]
                               the tenants you may use (admins: all)
  wharf quotas list [--cluster c] [--search s]
  wharf quotas create --type user|leasee --subject EMAIL|GROUP [--cluster c]
                      [--priority 0] [--cpu 24] [--memory 102400] [--storage 102400] [--network 10240]
                               (admins; the defaults shown are the seed's)
  wharf quotas set ID [--priority n] [--cpu n] [--memory MiB] [--storage MiB] [--network Mbit/s]
  wharf quotas delete ID

  wharf catalog [--search s]   apps that can be installed
  wharf apps install APP [--tenant T] [--cluster default] [--name N] [--visibility all|tenant]
                   [--set role.memory=4Gi …] [--dependency metastore=existing:NAME|new|none …]
                   [--preview [-o yaml]]
                               install (a new dependency unless said otherwise); --preview only shows
  wharf apps list [--cluster c,…] [--status ready,…] [--namespace n,…]
  wharf apps get NAME [-o yaml]
                               one installed app; -o yaml prints its objects as they run
  wharf apps scale NAME ROLE=N …
  wharf apps delete NAME [--cascade] [--delete-volumes] [--dry-run]

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
      cluster: { type: "string" },
      type: { type: "string", default: "user" },
      subject: { type: "string" },
      priority: { type: "string" },
      cpu: { type: "string" },
      memory: { type: "string" },
      storage: { type: "string" },
      network: { type: "string" },
      tenant: { type: "string" },
      name: { type: "string" },
      visibility: { type: "string" },
      set: { type: "string", multiple: true, default: [] },
      dependency: { type: "string", multiple: true, default: [] },
      preview: { type: "boolean", default: false },
      output: { type: "string", short: "o" },
      status: { type: "string" },
      namespace: { type: "string" },
      cascade: { type: "boolean", default: false },
      "delete-volumes": { type: "boolean", default: false },
      "dry-run": { type: "boolean", default: false },
      "idempotency-key": { type: "string" },
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
      case "tenants":
        if (sub !== undefined && sub !== "list")
          throw new Error(`Unknown: wharf tenants ${sub}; see wharf help`)
        await quotas.listTenants(out, values.search)
        return 0
      case "quotas":
        if (sub === undefined || sub === "list") await quotas.listQuotas(out, values.cluster, values.search)
        else if (sub === "create") {
          if (!values.subject) throw new Error("quotas create needs --subject (an email, or a group's name)")
          await quotas.createQuota(out, {
            type: values.type,
            subject: values.subject,
            cluster: values.cluster,
            numbers: quotas.quotaNumbers(values)
          })
        } else if (sub === "set" && rest[0]) await quotas.setQuota(out, rest[0], quotas.quotaNumbers(values))
        else if (sub === "delete" && rest[0]) await quotas.deleteQuota(out, rest[0])
        else throw new Error(`Unknown: wharf quotas ${sub}; see wharf help`)
        return 0
      case "catalog":
        await apps.listCatalog(out, values.search)
        return 0
      case "apps":
        if (sub === "install" && rest[0])
          await apps.install(out, {
            app: rest[0],
            tenant: values.tenant,
            cluster: values.cluster,
            name: values.name,
            visibility: values.visibility,
            sets: values.set,
            dependencies: values.dependency,
            preview: values.preview,
            output: values.output,
            idempotencyKey: values["idempotency-key"]
          })
        else if (sub === undefined || sub === "list")
          await apps.listInstances(out, {
            cluster: values.cluster,
            status: values.status,
            namespace: values.namespace
          })
        else if (sub === "get" && rest[0]) await apps.getInstance(out, rest[0], values.output)
        else if (sub === "scale" && rest[0]) await apps.scale(out, rest[0], rest.slice(1))
        else if (sub === "delete" && rest[0])
          await apps.remove(out, rest[0], {
            cascade: values.cascade,
            deleteVolumes: values["delete-volumes"],
            dryRun: values["dry-run"]
          })
        else throw new Error(`Unknown: wharf apps ${sub ?? ""}; see wharf help`)
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
