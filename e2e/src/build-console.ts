/**
 * @module Builds the browser suites' console ahead of them (`npm test` does it beside the unit
 * suites); the suites then run with `WHARF_E2E_CONSOLE=built` and use it as it is.
 */
import { buildE2eConsole } from "./server"

await buildE2eConsole()
