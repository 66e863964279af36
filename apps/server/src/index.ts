/** @module @wharf/server: assemble and run a Wharf server. */

export { buildConsole, consoleMatches, ensureConsoleBuilt } from "./console-build"
export { createWharf, type Wharf } from "./host"
export { loadPlugins } from "./plugins"
