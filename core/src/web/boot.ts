/**
 * @module The plugins and session the server wrote into the console's page, read once at
 * start: a retry, or anything after a sign-in or sign-out, asks the server instead.
 */
import { CONSOLE_BOOT_ID, type ConsoleBoot } from "../console-boot"

export const takeBoot = (): ConsoleBoot | null => {
  const element = typeof document === "undefined" ? null : document.getElementById(CONSOLE_BOOT_ID)
  if (!element) return null
  element.remove()
  try {
    return JSON.parse(element.textContent ?? "") as ConsoleBoot
  } catch {
    return null
  }
}
