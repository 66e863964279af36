/**
 * @module The console plugins this build contains: those configuration enabled when it was
 * built (see ../wharf-plugins.ts), each loaded on demand. The shell imports only the ones
 * the server reports enabled.
 */

import { consolePlugins as generated } from "virtual:wharf-plugins"
import type { ConsolePlugin } from "@wharf/core/web"

type Loader = () => Promise<{ default: ConsolePlugin }>

export const consolePlugins: Readonly<Record<string, Loader>> = generated
