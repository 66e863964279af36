/**
 * @module Wharf's configuration: environment variables over `wharf.config.json`, over
 * defaults that start an embedded, self-contained instance.
 */
import { resolve } from "node:path"
import { Context } from "effect"
import { configFile, configuredPlugins, list, readConfigFile } from "./packages"

export interface WharfConfigShape {
  /** PGlite data, uploads and generated secrets. */
  readonly dataDir: string
  /** A PostgreSQL server to use instead of the embedded PGlite. */
  readonly databaseUrl: string | undefined
  /** Connections in the pool to `databaseUrl` (1 when that is another Wharf's embedded PGlite). */
  readonly databasePoolSize: number
  readonly port: number
  readonly host: string
  /** The enabled plugins as configured: Wharf's own by id, others by package name or path. */
  readonly plugins: ReadonlyArray<string>
  /** Where configuration lives: plugin paths are relative to it, packages looked up from it. */
  readonly cwd: string
  /** Load demo content (each plugin's own) when a plugin's schema is first created. */
  readonly demo: boolean
  readonly adminEmail: string
  /** When unset on first start, a password is generated and printed once. */
  readonly adminPassword: string | undefined
  /** The address users reach Wharf at, for links in emails. */
  readonly publicUrl: string
  /** Cookies get `Secure` when the public URL is https. */
  readonly secureCookies: boolean
  /** The largest file an upload may declare (a purpose may ask for less). */
  readonly uploadMaxBytes: number
  /** How long an unclaimed upload, finished or not, is kept. */
  readonly uploadExpiryHours: number
  /** Where replies to Wharf's mails are received over SMTP (`WHARF_INBOUND_SMTP_PORT`; 0 picks
   * a free port); null when mail is only sent. */
  readonly inboundSmtpPort: number | null
  /** The address replies go to, e.g. `support@example.com`; each mail's Reply-To is a
   * `support+<what it is about>@example.com` form of it. */
  readonly replyAddress: string
  /** Proxies whose `X-Forwarded-For` is believed (`WHARF_TRUSTED_PROXIES`: addresses and
   * CIDR ranges); with none, a client is the socket's address. */
  readonly trustedProxies: ReadonlyArray<string>
  /** The largest JSON body a REST or tRPC request may send (`WHARF_JSON_MAX_BYTES`). */
  readonly jsonMaxBytes: number
  /** Hosts Markdown may load images from besides Wharf itself (`WHARF_IMAGE_HOSTS`). */
  readonly imageHosts: ReadonlyArray<string>
  /** The environment this configuration was read from: plugins read their own settings
   * (`WHARF_KUBE_SIM`, `SMTP_URL`, …) here, so a server started with another one (a test's,
   * a second replica's) gets its own, not the process's. */
  readonly env: Readonly<Record<string, string | undefined>>
}

/**
 * A plugin's positive number setting from the configuration's environment, or `fallback` when
 * unset; any other value stops start-up with a message naming the setting.
 */
export const positiveSetting = (
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  fallback: number
): number => {
  const raw = env[name]
  if (raw === undefined || raw === "") return fallback
  const n = Number(raw)
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`)
  return n
}

export class WharfConfig extends Context.Service<WharfConfig, WharfConfigShape>()("wharf/Config") {}

interface FileConfig {
  plugins?: string[]
  port?: number
  dataDir?: string
  publicUrl?: string
}

export const loadConfig = (options: {
  env?: NodeJS.ProcessEnv
  cwd?: string
  /** Enabled when configuration names none (default: Wharf's own plugins). */
  defaultPlugins?: ReadonlyArray<string>
}): WharfConfigShape => {
  const env = options.env ?? process.env
  const cwd = options.cwd ?? process.cwd()
  const file = readConfigFile(configFile(env, cwd)) as FileConfig
  const port = Number(env.PORT ?? file.port ?? 8080)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`)
  const uploadMaxBytes = Number(env.WHARF_UPLOAD_MAX_BYTES ?? 2 * 1024 ** 3)
  if (!Number.isSafeInteger(uploadMaxBytes) || uploadMaxBytes < 1)
    throw new Error(`WHARF_UPLOAD_MAX_BYTES must be a number of bytes, got "${env.WHARF_UPLOAD_MAX_BYTES}"`)
  const uploadExpiryHours = Number(env.WHARF_UPLOAD_EXPIRY_HOURS ?? 24)
  if (!(uploadExpiryHours > 0))
    throw new Error(
      `WHARF_UPLOAD_EXPIRY_HOURS must be a number of hours, got "${env.WHARF_UPLOAD_EXPIRY_HOURS}"`
    )
  const publicUrl = env.WHARF_PUBLIC_URL ?? file.publicUrl ?? `http://localhost:${port}`
  const inboundSmtpPort = env.WHARF_INBOUND_SMTP_PORT ? Number(env.WHARF_INBOUND_SMTP_PORT) : null
  if (
    inboundSmtpPort !== null &&
    !(Number.isInteger(inboundSmtpPort) && inboundSmtpPort >= 0 && inboundSmtpPort < 65536)
  )
    throw new Error(`WHARF_INBOUND_SMTP_PORT must be a port number, got "${env.WHARF_INBOUND_SMTP_PORT}"`)
  const replyAddress = env.WHARF_REPLY_ADDRESS ?? `support@${new URL(publicUrl).hostname}`
  if (!/^[^\s@+]+@[^\s@]+$/.test(replyAddress))
    throw new Error(
      `WHARF_REPLY_ADDRESS must be an address without a "+", like support@example.com, got "${replyAddress}"`
    )
  const jsonMaxBytes = Number(env.WHARF_JSON_MAX_BYTES ?? 1024 ** 2)
  if (!Number.isSafeInteger(jsonMaxBytes) || jsonMaxBytes < 1024)
    throw new Error(
      `WHARF_JSON_MAX_BYTES must be a number of bytes (at least 1024), got "${env.WHARF_JSON_MAX_BYTES}"`
    )
  const imageHosts = list(env.WHARF_IMAGE_HOSTS ?? "")
  for (const host of imageHosts)
    if (!/^[a-z0-9.-]+(:\d+)?$/i.test(host))
      throw new Error(`WHARF_IMAGE_HOSTS must list host names like images.example.com, got "${host}"`)
  return {
    dataDir: resolve(cwd, env.WHARF_DATA_DIR ?? file.dataDir ?? ".wharf"),
    databaseUrl: env.DATABASE_URL || undefined,
    databasePoolSize: Number(env.WHARF_DB_POOL_SIZE ?? 10),
    port,
    host: env.HOST ?? "0.0.0.0",
    plugins: configuredPlugins(env, file, options.defaultPlugins),
    cwd,
    demo: env.WHARF_DEMO !== "0",
    adminEmail: env.WHARF_ADMIN_EMAIL ?? "admin@wharf.local",
    adminPassword: env.WHARF_ADMIN_PASSWORD || undefined,
    publicUrl,
    secureCookies: publicUrl.startsWith("https:"),
    uploadMaxBytes,
    uploadExpiryHours,
    inboundSmtpPort,
    replyAddress,
    trustedProxies: list(env.WHARF_TRUSTED_PROXIES ?? ""),
    jsonMaxBytes,
    imageHosts,
    env
  }
}
