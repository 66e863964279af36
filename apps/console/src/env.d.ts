/// <reference types="vite/client" />

declare module "virtual:wharf-plugins" {
  /** Each enabled plugin's `./web` export by plugin id, generated from configuration at build time. */
  export const consolePlugins: Readonly<
    Record<string, () => Promise<{ default: import("@wharf/core/web").ConsolePlugin }>>
  >
}
