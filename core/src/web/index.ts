/**
 * @module @wharf/core/web: the console side of the plugin contract, the API client, the
 * language, the session and the shared components every plugin page is built from.
 */

export { hasRole, type Locale, type Role, type Viewer } from "../roles"
export * from "./api"
export * from "./i18n"
export * from "./list"
export { coreMessages } from "./messages"
export * from "./plugin"
export * from "./registry"
export * from "./retry-key"
export * from "./Slot"
export * from "./session"
export * from "./ui/Button"
export * from "./ui/Choice"
export * from "./ui/Dialog"
export * from "./ui/Feedback"
export * from "./ui/FileUpload"
export * from "./ui/Form"
export * from "./ui/FormDialog"
export * from "./ui/Highlighted"
export * from "./ui/Layout"
export * from "./ui/PagedTable"
export * from "./ui/Table"
export * from "./ui/Toast"
export { formatBytes } from "./uploads/progress"
