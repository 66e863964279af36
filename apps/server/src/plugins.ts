/**
 * @module Every plugin this build of Wharf knows. Configuration picks which are enabled;
 * the rest contribute nothing.
 */
import type { WharfPlugin } from "@wharf/core"
import { identityPlugin } from "@wharf/plugin-identity/server"

export const availablePlugins: ReadonlyArray<WharfPlugin> = [identityPlugin]

/** Enabled when configuration names none. */
export const defaultPlugins = availablePlugins.map((p) => p.id)
