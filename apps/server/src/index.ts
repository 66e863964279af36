/** @module @wharf/server: assemble and run a Wharf server. */
export { createWharf, type Wharf } from "./host"
export { availablePlugins, defaultPlugins } from "./plugins"
