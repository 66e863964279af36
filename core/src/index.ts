/**
 * @module @wharf/core: the plugin contract and the services every plugin shares.
 */
export * from "./audit"
export * from "./config"
export { type OpenedDatabase, openEmbeddedDatabase, openServerDatabase } from "./db/connect"
export * from "./db/Db"
export * from "./db/migrations"
export * from "./decode"
export * from "./errors"
export * from "./extensions"
export * from "./jobs"
export * from "./loader"
export * from "./log"
export * from "./plugin"
export * from "./rest"
export * from "./runner"
export * from "./trpc"
export * from "./viewer"
